"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { fetchJson } from "@/components/providers/fetch-json";
import { FormMessage } from "@/components/ui/form-message";
import { Label } from "@/components/ui/label";

/** The per-user opt-out of "long job finished" emails; saved as soon as it is flipped. */
export function EmailNotificationsToggle({ initial, hasEmail }: { initial: boolean; hasEmail: boolean }) {
  const id = useId();
  const [enabled, setEnabled] = useState(initial);
  const save = useMutation({
    mutationFn: (value: boolean) =>
      fetchJson<{ email_notifications: boolean }>("/api/profile/notifications", {
        method: "PATCH",
        json: { email_notifications: value },
      }),
    onMutate: (value) => {
      const previous = enabled;
      setEnabled(value);
      return { previous };
    },
    onSuccess: (body) => setEnabled(body.email_notifications),
    onError: (_error, _value, context) => {
      if (context) setEnabled(context.previous);
    },
  });

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-start justify-between gap-4">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={id}>Email me when long jobs finish</Label>
          <p id={`${id}-description`} className="text-muted-foreground text-sm">
            {hasEmail
              ? "When a job takes longer than a minute, we email you once it is done or has failed."
              : "Your account has no email address, so these emails cannot be sent."}
          </p>
        </div>
        <span className="relative inline-flex h-6 w-11 shrink-0">
          <input
            id={id}
            type="checkbox"
            role="switch"
            aria-checked={enabled}
            aria-describedby={`${id}-description`}
            checked={enabled}
            disabled={save.isPending}
            onChange={(event) => save.mutate(event.target.checked)}
            className="peer absolute inset-0 z-10 m-0 size-full cursor-pointer appearance-none rounded-full opacity-0 disabled:cursor-not-allowed"
          />
          <span
            aria-hidden
            className="h-6 w-11 rounded-full bg-input transition-colors peer-checked:bg-brand peer-focus-visible:ring-[3px] peer-focus-visible:ring-ring/50 peer-disabled:opacity-60"
          />
          <span
            aria-hidden
            className="pointer-events-none absolute top-0.5 left-0.5 size-5 rounded-full bg-white shadow-sm transition-transform peer-checked:translate-x-5"
          />
        </span>
      </div>
      {save.isError ? <FormMessage>{save.error.message}</FormMessage> : null}
    </div>
  );
}
