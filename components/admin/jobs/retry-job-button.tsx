"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RotateCcwIcon } from "lucide-react";
import { fetchJson } from "@/components/providers/fetch-json";
import { FormMessage } from "@/components/ui/form-message";
import { ConfirmButton } from "../confirm-dialog";

/** Runs a dead or retrying job again now, its attempts counted afresh. */
export function RetryJobButton({ id, name }: { id: string; name: string }) {
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => fetchJson(`/api/admin/jobs/${id}/retry`, { method: "POST" }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["admin", "jobs"] }),
  });
  return (
    <>
      <ConfirmButton
        variant="outline"
        size="sm"
        disabled={retry.isPending}
        title={`Retry job ${id}?`}
        description={`The ${name} job runs again now, with its attempts counted from zero.`}
        confirmLabel="Retry"
        onConfirm={() => retry.mutate()}
      >
        <RotateCcwIcon /> Retry
      </ConfirmButton>
      {retry.error ? <FormMessage>{retry.error.message}</FormMessage> : null}
    </>
  );
}
