"use client";

import { LoaderCircleIcon, SendIcon } from "lucide-react";
import { useState } from "react";
import { rememberDestination } from "@/components/auth/remember-destination";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { createBrowserClient, type OAuthProvider, signInWithProvider } from "@/lib/supabase/browser";

/**
 * Supabase OAuth sign-in. The server page passes the project URL and publishable key as props,
 * so the client bundle holds no deployment-specific values and one build serves any deployment.
 */
export function OAuthButtons({
  supabaseUrl,
  supabaseKey,
  next,
}: {
  supabaseUrl: string;
  supabaseKey: string;
  next: string;
}) {
  const [pending, setPending] = useState<OAuthProvider | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function signIn(provider: OAuthProvider) {
    setPending(provider);
    setError(null);
    // The provider sends the browser back to /auth/callback, which sets the session cookies and
    // goes on to `next`, remembered by the server for the round trip.
    let failure: string | null;
    try {
      if (!(await rememberDestination(next))) throw new Error("destination not remembered");
      const result = await signInWithProvider(createBrowserClient(supabaseUrl, supabaseKey), provider);
      failure = result.error;
    } catch {
      failure = "Could not reach the sign-in service. Check your connection and try again.";
    }
    // On success the browser is already leaving for the provider; keep the spinner.
    if (failure !== null) {
      setError(failure || "Could not start sign-in. Try again.");
      setPending(null);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <Button variant="outline" size="lg" disabled={pending !== null} onClick={() => void signIn("google")}>
        {pending === "google" ? <LoaderCircleIcon className="animate-spin" /> : <GoogleMark />}
        Continue with Google
      </Button>
      <Button
        variant="outline"
        size="lg"
        disabled={pending !== null}
        onClick={() => void signIn("custom:telegram")}
      >
        {pending === "custom:telegram" ? (
          <LoaderCircleIcon className="animate-spin" />
        ) : (
          <SendIcon className="text-[#229ED9]" />
        )}
        Continue with Telegram
      </Button>
      {error ? <FormMessage>{error}</FormMessage> : null}
    </div>
  );
}

function GoogleMark() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className="size-4">
      <path
        fill="#4285F4"
        d="M22.56 12.25c0-.78-.07-1.53-.2-2.25H12v4.26h5.92a5.06 5.06 0 0 1-2.2 3.32v2.77h3.57c2.08-1.92 3.27-4.74 3.27-8.1z"
      />
      <path
        fill="#34A853"
        d="M12 23c2.97 0 5.46-.98 7.28-2.66l-3.57-2.77c-.98.66-2.23 1.06-3.71 1.06-2.86 0-5.29-1.93-6.16-4.53H2.18v2.84A11 11 0 0 0 12 23z"
      />
      <path
        fill="#FBBC05"
        d="M5.84 14.1A6.6 6.6 0 0 1 5.5 12c0-.73.13-1.43.34-2.1V7.06H2.18a11 11 0 0 0 0 9.88l3.66-2.84z"
      />
      <path
        fill="#EA4335"
        d="M12 5.38c1.62 0 3.06.56 4.21 1.64l3.15-3.15C17.45 2.09 14.97 1 12 1A11 11 0 0 0 2.18 7.06l3.66 2.84C6.71 7.31 9.14 5.38 12 5.38z"
      />
    </svg>
  );
}
