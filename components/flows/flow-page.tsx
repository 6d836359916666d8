"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeftIcon, LoaderCircleIcon } from "lucide-react";
import Link from "next/link";
import { ApiError } from "@/components/providers/fetch-json";
import { Button } from "@/components/ui/button";
import { flowKeys, flowsApi } from "./api";
import { type EditorView, FlowEditor } from "./flow-editor";
import { useFlowRuns } from "./use-flow-runs";

const formatDate = (iso: string) =>
  new Date(iso).toLocaleString("en-US", {
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  });

/**
 * One flow: editable, or, with `?run=` or `?version=`, read-only as that run or version was.
 * A run opened while it is still going is shown live in the editor instead. Opened plainly, the
 * editor shows the flow's latest run on its nodes (their states and results), as it would have
 * right after that run: coming back to a flow shows what it last made.
 */
export function FlowPage({
  id,
  runId,
  versionId,
}: {
  id: string;
  runId: string | null;
  versionId: string | null;
}) {
  const flow = useQuery({
    queryKey: flowKeys.detail(id),
    queryFn: ({ signal }) => flowsApi.get(id, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const run = useQuery({
    queryKey: flowKeys.run(id, runId ?? ""),
    queryFn: ({ signal }) => flowsApi.getRun(id, runId as string, signal),
    enabled: runId !== null,
  });
  const plain = runId === null && versionId === null;
  const runs = useFlowRuns(id, { enabled: plain });
  const wantedVersion = versionId ?? run.data?.version_id ?? null;
  const version = useQuery({
    queryKey: flowKeys.version(id, wantedVersion ?? ""),
    queryFn: ({ signal }) => flowsApi.version(id, wantedVersion as string, signal),
    enabled: wantedVersion !== null,
  });
  const error = flow.error ?? run.error ?? version.error;
  if (error) return <Problem error={error} />;
  // The run history only adds the last results: the editor opens without it if it fails.
  const waiting = !flow.data || (runId && !run.data) || (wantedVersion && !version.data);
  if (waiting || (plain && runs.isPending)) return <Loading />;
  let view: EditorView = { mode: "edit", runId: runs.data?.[0]?.id ?? null };
  if (run.data?.status === "running" && !versionId) view = { mode: "edit", runId: run.data.id };
  else if (version.data) {
    const title = run.data
      ? `Run of ${formatDate(run.data.created_at)}`
      : `Version “${version.data.name ?? "unnamed"}” of ${formatDate(version.data.created_at)}`;
    view = {
      mode: "read-only",
      graph: version.data.graph,
      images: version.data.images,
      run: run.data ?? null,
      title,
    };
  }
  return <FlowEditor flow={flow.data} view={view} />;
}

function Loading() {
  return (
    <div className="flex flex-1 items-center justify-center" aria-busy="true">
      <LoaderCircleIcon aria-hidden className="size-6 animate-spin text-muted-foreground" />
      <span className="sr-only">Loading the flow</span>
    </div>
  );
}

function Problem({ error }: { error: Error }) {
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <div className="mx-auto flex max-w-md flex-1 flex-col items-center justify-center gap-4 px-4 text-center">
      <h1 className="font-semibold text-2xl">{missing ? "Flow not found" : "Could not open this flow"}</h1>
      <p className="text-muted-foreground">
        {missing ? "It may have been deleted, or it belongs to someone else." : error.message}
      </p>
      <Button asChild variant="outline">
        <Link href="/flows">
          <ArrowLeftIcon aria-hidden />
          All flows
        </Link>
      </Button>
    </div>
  );
}
