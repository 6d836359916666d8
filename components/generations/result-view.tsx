"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeftIcon } from "lucide-react";
import Link from "next/link";
import { ResultContext } from "@/components/lineage/result-context";
import { fetchJson } from "@/components/providers/fetch-json";
import { Button } from "@/components/ui/button";
import { ACTIVE_POLL_MS } from "@/contexts/generations-context";
import type { LiteModel } from "@/lib/models-lite";
import type { NextStep } from "./next-steps";
import { generationKeys } from "./query-keys";
import { ResultActions } from "./result-actions";
import { ResultDetails } from "./result-details";
import { ResultMedia } from "./result-media";
import { StatusChip } from "./status-chip";
import { type GenerationDetail, isActive } from "./types";

/** One generation: outputs, actions and all parameters; polls while the job is running. */
export function ResultView({
  initial,
  model,
  steps,
}: {
  initial: GenerationDetail;
  model: LiteModel | null;
  steps: NextStep[];
}) {
  const { data } = useQuery({
    queryKey: generationKeys.detail(initial.id),
    queryFn: ({ signal }) => fetchJson<GenerationDetail>(`/api/generations/${initial.id}`, { signal }),
    initialData: initial,
    staleTime: 10_000,
    refetchInterval: (q) => (q.state.data && isActive(q.state.data.status) ? ACTIVE_POLL_MS : false),
  });
  const item = data ?? initial;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex flex-col gap-2">
          <Button asChild variant="ghost" size="sm" className="-ml-3 h-10 w-fit">
            <Link href="/history">
              <ArrowLeftIcon /> History
            </Link>
          </Button>
          <h1 className="flex flex-wrap items-center gap-3 font-semibold text-2xl tracking-tight">
            {model?.name ?? item.model}
            <StatusChip status={item.status} className="bg-muted" />
          </h1>
        </div>
        <ResultActions item={item} />
      </div>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <ResultMedia item={item} steps={steps} />
        <ResultDetails item={item} model={model} />
      </div>
      <ResultContext item={item} />
    </div>
  );
}
