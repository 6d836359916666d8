"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RotateCcwIcon, Undo2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { fetchJson } from "@/components/providers/fetch-json";
import { FormMessage } from "@/components/ui/form-message";
import { ConfirmButton } from "../confirm-dialog";
import { formatNumber } from "../format";
import { adminKeys } from "../query-keys";

type Target = {
  id: string;
  user_id: string;
  status: string;
  charged_credits: number;
  user_email: string | null;
};

/** Retry (failed only; charged normally) and refund (once; not after an automatic refund). */
export function GenerationActions({
  generation: g,
  refundable,
}: {
  generation: Target;
  refundable: boolean;
}) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: adminKeys.generation(g.id) });
    void queryClient.invalidateQueries({ queryKey: ["admin", "generations"] });
    void queryClient.invalidateQueries({ queryKey: adminKeys.user(g.user_id) });
  };
  const retry = useMutation({
    mutationFn: () => fetchJson<{ id: string }>(`/api/admin/generations/${g.id}/retry`, { method: "POST" }),
    onSuccess: (created) => {
      refresh();
      router.push(`/admin/generations/${created.id}`);
    },
  });
  const refund = useMutation({
    mutationFn: () =>
      fetchJson<{ refunded: number }>(`/api/admin/generations/${g.id}/refund`, { method: "POST" }),
    onSuccess: refresh,
  });
  const who = g.user_email ?? "the user";
  const error = retry.error ?? refund.error;

  return (
    <>
      {g.status === "failed" ? (
        <ConfirmButton
          variant="outline"
          size="sm"
          disabled={retry.isPending}
          title="Retry this generation?"
          description={`A new generation with the same model and input is started for ${who} and charged to them like any other.`}
          confirmLabel="Retry"
          onConfirm={() => retry.mutate()}
        >
          <RotateCcwIcon /> Retry
        </ConfirmButton>
      ) : null}
      {refundable ? (
        <ConfirmButton
          variant="outline"
          size="sm"
          disabled={refund.isPending}
          title={`Refund ${formatNumber(g.charged_credits)} credits?`}
          description={`${who} gets back what this generation was charged. A generation can be refunded once.`}
          confirmLabel="Refund"
          onConfirm={() => refund.mutate()}
        >
          <Undo2Icon /> Refund
        </ConfirmButton>
      ) : null}
      {error ? <FormMessage className="basis-full">{error.message}</FormMessage> : null}
    </>
  );
}
