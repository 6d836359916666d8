"use client";

import { useEffect, useRef } from "react";
import { ApiError } from "@/components/providers/fetch-json";
import { FormMessage } from "@/components/ui/form-message";
import { CreditsLink } from "./credits-link";

/**
 * An action's error, shown where the action's button is: announced (role="alert"), focused so
 * it is on screen and where keyboard users are, with the way to get credits when that is it.
 */
export function FocusedError({ error }: { error: Error | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      <FormMessage>
        {error.message}
        {error instanceof ApiError && error.code === "payment_required" ? <CreditsLink /> : null}
      </FormMessage>
    </div>
  );
}
