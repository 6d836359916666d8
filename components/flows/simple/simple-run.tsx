"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeftIcon, CircleAlertIcon, LoaderCircleIcon, PencilIcon } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { ApiError } from "@/components/providers/fetch-json";
import { PageHeader } from "@/components/shell/page-container";
import { Button } from "@/components/ui/button";
import {
  applyInputs,
  type FlowGraph,
  parseInputs,
  type ResolvedInput,
  resolveInputs,
} from "@/lib/flows/graph";
import { type FlowDetail, flowKeys, flowsApi } from "../api";
import { CatalogProvider, useCatalog } from "../catalog";
import { inputValueOf } from "../form/input-descriptor";
import { useFlowRuns } from "../use-flow-runs";
import { RunPanel } from "./run-panel";
import { type FormValues, SimpleForm } from "./simple-form";
import { RESULTS_ID, useSimpleEstimate, useSimpleRun } from "./use-simple-run";

/** A flow as a form: its exposed inputs, the price of the values given, Run, and the results live. */
export function SimpleRun({ id, runId }: { id: string; runId: string | null }) {
  return (
    <CatalogProvider>
      <SimpleRunPage id={id} runId={runId} />
    </CatalogProvider>
  );
}

function SimpleRunPage({ id, runId }: { id: string; runId: string | null }) {
  const flow = useQuery({
    queryKey: flowKeys.detail(id),
    queryFn: ({ signal }) => flowsApi.get(id, signal),
    staleTime: 30_000,
  });
  // Without `?run=`, the flow's latest run: coming back shows what it last made.
  const runs = useFlowRuns(id, { enabled: runId === null });
  const { rules, loading } = useCatalog();
  if (flow.error) return <Problem error={flow.error} />;
  if (!flow.data || loading || (runId === null && runs.isPending))
    return (
      <div className="flex justify-center py-16" aria-busy="true">
        <LoaderCircleIcon aria-hidden className="size-6 animate-spin text-muted-foreground" />
        <span className="sr-only">Loading the flow</span>
      </div>
    );
  const { inputs } = resolveInputs(flow.data.graph, rules);
  return <Loaded flow={flow.data} inputs={inputs} initialRunId={runId ?? runs.data?.[0]?.id ?? null} />;
}

/** What a control holds for each input, as `parseInputs` reads it. */
function given(inputs: readonly ResolvedInput[], values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const input of inputs) {
    const value = inputValueOf(input.kind, values[input.id]);
    if (value !== undefined) out[input.id] = value;
  }
  return out;
}

function Loaded({
  flow,
  inputs,
  initialRunId,
}: {
  flow: FlowDetail;
  inputs: ResolvedInput[];
  initialRunId: string | null;
}) {
  const [values, setValues] = useState<FormValues>(() =>
    Object.fromEntries(inputs.map((input) => [input.id, input.default])),
  );
  const [previews, setPreviews] = useState<Record<string, string | null>>(() =>
    imagePreviews(flow.graph, inputs),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { run, start } = useSimpleRun(flow.id, initialRunId);
  const parsed = useMemo(() => parseInputs(inputs, given(inputs, values)), [inputs, values]);
  const applied = useMemo<FlowGraph | null>(
    () => (parsed.ok ? applyInputs(flow.graph, inputs, parsed.values) : null),
    [flow.graph, inputs, parsed],
  );
  const estimate = useSimpleEstimate(flow.id, applied);
  const running = run.data?.status === "running";
  const failed =
    start.error instanceof ApiError && !start.error.field?.startsWith("inputs.") ? start.error : null;

  const submit = () => {
    if (!parsed.ok) return setErrors({ [parsed.field]: parsed.message.replace(/^inputs\.[^:]+: /, "") });
    setErrors({});
    start.mutate(parsed.values, {
      onError: (error) => {
        if (error instanceof ApiError && error.field?.startsWith("inputs."))
          setErrors({ [error.field]: error.message.replace(/^inputs\.[^:]+: /, "") });
      },
    });
  };

  return (
    <>
      <Button asChild variant="ghost" size="sm" className="-ml-3 mb-2 h-10 w-fit">
        <Link href="/flows">
          <ArrowLeftIcon aria-hidden /> Flows
        </Link>
      </Button>
      <PageHeader
        title={flow.name}
        description="Fill in what the flow asks for and run it. It runs on the server: results appear here as they finish."
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href={`/flows/${flow.id}`}>
              <PencilIcon aria-hidden />
              Open in the editor
            </Link>
          </Button>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        <section
          aria-labelledby="simple-inputs"
          className="flex flex-col gap-4 rounded-xl border bg-card p-5"
        >
          <h2 id="simple-inputs" className="font-semibold text-lg">
            Inputs
          </h2>
          {failed ? (
            <p role="alert" className="flex items-start gap-2 text-destructive text-sm">
              <CircleAlertIcon aria-hidden className="mt-0.5 size-4 shrink-0" />
              <span>
                {failed.message}
                {failed.status === 402 ? (
                  <>
                    {" "}
                    <Link href="/credits" className="font-medium underline underline-offset-2">
                      Get credits
                    </Link>
                  </>
                ) : null}
              </span>
            </p>
          ) : null}
          <SimpleForm
            inputs={inputs}
            values={values}
            previews={previews}
            errors={errors}
            price={
              applied && estimate.data
                ? { credits: estimate.data.credits, pending: estimate.isFetching }
                : null
            }
            running={running}
            starting={start.isPending}
            onChange={(inputId, value, preview) => {
              setValues((current) => ({ ...current, [inputId]: value }));
              if (preview !== undefined) setPreviews((current) => ({ ...current, [inputId]: preview }));
              setErrors(({ [`inputs.${inputId}`]: _, ...rest }) => rest);
            }}
            onSubmit={submit}
          />
        </section>
        <section
          id={RESULTS_ID}
          aria-labelledby={`${RESULTS_ID}-heading`}
          className="flex scroll-mt-20 flex-col gap-4 rounded-xl border p-5"
        >
          <h2 id={`${RESULTS_ID}-heading`} className="font-semibold text-lg">
            Results
          </h2>
          <RunPanel graph={flow.graph} run={run.data ?? null} />
        </section>
      </div>
    </>
  );
}

/** The images the nodes hold now, to show beside their inputs until another is chosen. */
function imagePreviews(graph: FlowGraph, inputs: readonly ResolvedInput[]): Record<string, string | null> {
  const previews: Record<string, string | null> = {};
  for (const input of inputs) {
    const node = graph.nodes.find((n) => n.id === input.node_id);
    if (input.kind === "image" && node?.type === "image") previews[input.id] = node.data.url ?? null;
  }
  return previews;
}

function Problem({ error }: { error: Error }) {
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center">
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
