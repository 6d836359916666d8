"use client";

import { useMutation } from "@tanstack/react-query";
import { SendIcon } from "lucide-react";
import { FocusedError } from "@/components/generations/focused-error";
import { fetchJson } from "@/components/providers/fetch-json";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

/** Asks the admins for credits (POST /api/credits/request); once a day. */
export function RequestCreditsButton() {
  const request = useMutation({
    mutationFn: () => fetchJson<{ requested_at: string }>("/api/credits/request", { method: "POST" }),
  });
  return (
    <div className="flex flex-col items-start gap-3">
      <Button
        variant="brand"
        disabled={request.isPending || request.isSuccess}
        onClick={() => request.mutate()}
      >
        <SendIcon /> {request.isPending ? "Sending…" : request.isSuccess ? "Request sent" : "Request credits"}
      </Button>
      {request.isSuccess ? (
        <FormMessage tone="info">
          The admins were notified. Your balance in the header shows what they add.
        </FormMessage>
      ) : null}
      <FocusedError error={request.error} />
    </div>
  );
}
