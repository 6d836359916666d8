"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { fetchJson } from "@/components/providers/fetch-json";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useUser } from "@/contexts/user-context";
import { formatNumber, formatSigned } from "../format";
import { adminKeys } from "../query-keys";

/** Adds or removes credits with a required reason; the reason is stored on the ledger row. */
export function AdjustCreditsForm({ userId, credits }: { userId: string; credits: number }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const viewer = useUser();
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const adjust = useMutation({
    mutationFn: (body: { delta: number; reason: string }) =>
      fetchJson<{ credits: number }>(`/api/admin/users/${userId}/credits`, { method: "POST", json: body }),
    onSuccess: (result, body) => {
      setDone(`${formatSigned(body.delta)} applied. Balance is now ${formatNumber(result.credits)}.`);
      setAmount("");
      setReason("");
      void queryClient.invalidateQueries({ queryKey: adminKeys.user(userId) });
      void queryClient.invalidateQueries({ queryKey: adminKeys.usersAll });
      // The header shows the viewer's own balance.
      if (viewer?.id === userId) router.refresh();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const delta = Number(amount);
    if (!/^-?\d+$/.test(amount.trim()) || delta === 0)
      return setInvalid("Enter a whole number of credits, e.g. 25 or -10.");
    if (credits + delta < 0)
      return setInvalid(`The balance is ${formatNumber(credits)}; it cannot go below zero.`);
    if (reason.trim().length < 3) return setInvalid("Say why, so the ledger explains it later.");
    setInvalid(null);
    adjust.mutate({ delta, reason: reason.trim() });
  }

  const error = invalid ?? (adjust.error instanceof Error ? adjust.error.message : null);
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Adjust credits</CardTitle>
        <CardDescription>
          Positive adds, negative removes. Recorded in the ledger with your reason.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form noValidate onSubmit={submit} className="flex flex-col gap-3">
          <div className="flex flex-col gap-2">
            <Label htmlFor="credit-amount">Amount</Label>
            <Input
              id="credit-amount"
              inputMode="numeric"
              placeholder="25"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
              aria-invalid={invalid ? true : undefined}
            />
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="credit-reason">Reason</Label>
            <Input
              id="credit-reason"
              placeholder="Compensation for a failed batch"
              value={reason}
              maxLength={500}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          {error ? <FormMessage>{error}</FormMessage> : null}
          {done ? <FormMessage tone="info">{done}</FormMessage> : null}
          <Button type="submit" disabled={adjust.isPending}>
            {adjust.isPending ? <LoaderCircleIcon className="animate-spin" /> : null}
            Apply adjustment
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
