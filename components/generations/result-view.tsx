"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeftIcon } from "lucide-react";
import Link from "next/link";
import { ResultContext } from "@/components/lineage/result-context";
import { fetchJson } from "@/components/providers/fetch-json";
import { Button } from "@/components/ui/button";
import { pollInterval } from "@/contexts/generations-context";
import { useLiveConnected } from "@/contexts/live-context";
import type { LiteModel } from "@/lib/models-lite";
import type { NextStep } from "./next-steps";
import { generationKeys } from "./query-keys";
import { ResultActions } from "./result-actions";
import { ResultDetails } from "./result-details";
import { ResultMedia } from "./result-media";
import { STATUS_LABELS, StatusChip } from "./status-chip";
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
  const live = useLiveConnected();
  const { data } = useQuery({
    queryKey: generationKeys.detail(initial.id),
    queryFn: ({ signal }) => fetchJson<GenerationDetail>(`/api/generations/${initial.id}`, { signal }),
    initialData: initial,
    staleTime: 10_000,
    // While it runs, at the lists' pace (every second without a live channel, when visible).
    refetchInterval: (q) =>
      q.state.data && isActive(q.state.data.status) ? pollInterval([q.state.data], live) : false,
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
            <StatusChip status={item.status} startedAt={item.started_at} className="bg-muted" />
          </h1>
          {/* Each change of status is announced once, politely; the ticking time never is. */}
          <p className="sr-only" aria-live="polite">
            {STATUS_LABELS[item.status]}
          </p>
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
