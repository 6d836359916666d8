"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "@/components/providers/fetch-json";

/** Signs out, drops cached server data, and loads /login fresh so nothing of the session stays. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    setPending(true);
    setError(null);
    try {
      await fetchJson("/api/auth/signout", { method: "POST" });
      queryClient.clear();
      window.location.assign("/login");
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Could not sign out. Try again.");
      setPending(false);
    }
  }

  return { signOut, pending, error };
}
