"use client";
// The frame every tool page shares: the models serving the tool (from the catalog, never by
// id), the page's own inputs, the model's other settings, the price before the click, and the
// result with its receipt after.
import { type ReactNode, useEffect, useRef, useState } from "react";
import { problemFrom } from "@/components/generations/create-problem";
import { ParamField } from "@/components/generations/fields/param-field";
import type { FormValues } from "@/components/generations/form-store";
import { missingFields, toInput, valuesFor } from "@/components/generations/form-values";
import { GenerateBar } from "@/components/generations/generate-bar";
import { priceLine } from "@/components/generations/model-format";
import { ModelPicker } from "@/components/generations/model-picker";
import { StatusChip } from "@/components/generations/status-chip";
import type { GenerationDetail } from "@/components/generations/types";
import { useToolModels } from "@/components/generations/use-models";
import { usePriceEstimate } from "@/components/generations/use-price-estimate";
import { FormMessage } from "@/components/ui/form-message";
import { Skeleton } from "@/components/ui/skeleton";
import { useUser } from "@/contexts/user-context";
import type { Tool } from "@/lib/models/tools";
import type { LiteModel } from "@/lib/models-lite";
import { Receipt } from "./receipt";
import { useToolRun } from "./use-tool-run";

export type ToolPanelProps = {
  tool: Tool;
  actionLabel: string;
  /** Inputs the page supplies itself (image, mask, frames…), over the form's values. */
  input: (model: LiteModel) => Record<string, unknown>;
  /** Parameters the page renders itself; the others are generated from the catalog. */
  handled: readonly string[];
  /** Work before the run (uploading a painted mask), whose result joins the input. */
  prepare?: (model: LiteModel) => Promise<Record<string, unknown>>;
  /** Why the tool cannot run yet ("Pick an image first."), or null. */
  blocker?: (model: LiteModel, values: FormValues) => string | null;
  parentId?: string | null;
  /** The page's own controls, given the chosen model and its values. */
  children?: (model: LiteModel, values: FormValues, set: (name: string, value: unknown) => void) => ReactNode;
  /** A finished result. */
  result: (item: GenerationDetail) => ReactNode;
  variations?: number;
};

export function ToolPanel(props: ToolPanelProps) {
  const models = useToolModels(props.tool);
  const list = models.data ?? [];
  const [selected, setSelected] = useState<string | null>(null);
  const model = list.find((m) => m.id === selected) ?? list[0];
  if (models.error) return <FormMessage>{models.error.message}</FormMessage>;
  if (!model) return models.isPending ? <Skeleton className="h-64 w-full" /> : <NoModels />;
  return <ToolForm key={model.id} {...props} model={model} models={list} onModel={setSelected} />;
}

function NoModels() {
  return <FormMessage tone="info">No model offers this tool right now. An admin can enable one.</FormMessage>;
}

function ToolForm(
  props: ToolPanelProps & { model: LiteModel; models: LiteModel[]; onModel: (id: string) => void },
) {
  const { model } = props;
  const [changed, setChanged] = useState<FormValues>({});
  const [problem, setProblem] = useState<{ fields: Record<string, string>; banner: string | null }>({
    fields: {},
    banner: null,
  });
  const values = valuesFor(model, changed);
  const extra = props.input(model);
  const merged = { ...values, ...extra };
  const price = usePriceEstimate(model, merged);
  const balance = useUser()?.credits ?? null;
  const run = useToolRun();
  const set = (name: string, value: unknown) => setChanged((c) => ({ ...c, [name]: value }));
  const shown = model.params.filter((p) => !props.handled.includes(p.name));

  const [preparing, setPreparing] = useState(false);
  const resultRef = useRef<HTMLElement>(null);
  const started = run.ids[0];
  // On a phone the result is below the form: bring it into view once a run starts.
  useEffect(() => {
    if (started && window.matchMedia("(max-width: 1023px)").matches)
      resultRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [started]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const missing = Object.fromEntries(
      Object.entries(missingFields(model, merged)).filter(([name]) => !props.handled.includes(name)),
    );
    if (Object.keys(missing).length > 0) return setProblem({ fields: missing, banner: null });
    const blocker = props.blocker?.(model, merged) ?? null;
    if (blocker) return setProblem({ fields: {}, banner: blocker });
    setProblem({ fields: {}, banner: null });
    let prepared: Record<string, unknown> = {};
    if (props.prepare) {
      setPreparing(true);
      try {
        prepared = await props.prepare(model);
      } catch (error) {
        return setProblem({ fields: {}, banner: (error as Error).message });
      } finally {
        setPreparing(false);
      }
    }
    run.start({
      model: model.id,
      input: { ...toInput(model, values), ...extra, ...prepared },
      parentId: props.parentId,
      variations: props.variations,
    });
  }
  const failure = run.error ? problemFrom(model, run.error) : null;
  const banner = problem.banner ?? failure?.banner ?? (failure && Object.values(failure.fields)[0]) ?? null;

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,32rem)_minmax(0,1fr)]">
      <form
        noValidate
        onSubmit={submit}
        className="flex flex-col gap-5"
        aria-label={`${props.actionLabel} settings`}
      >
        {props.models.length > 1 ? (
          <ModelPicker models={props.models} value={model} withKind={false} onChange={props.onModel} />
        ) : null}
        {props.children?.(model, merged, set)}
        {shown.map((param) => (
          <ParamField
            key={param.name}
            param={param}
            idPrefix={`t-${model.id}`}
            value={values[param.name]}
            error={problem.fields[param.name] ?? failure?.fields[param.name]}
            onChange={set}
          />
        ))}
        <GenerateBar
          label={props.actionLabel}
          price={price}
          priceNote={priceLine(model.price)}
          balance={balance}
          pending={preparing || run.pending || run.running}
          problem={banner}
          paymentProblem={run.error ? failure?.banner?.startsWith("Not enough credits") === true : false}
          started={null}
        />
      </form>
      <section
        ref={resultRef}
        aria-label="Result"
        aria-live="polite"
        className="flex scroll-mt-20 flex-col gap-6"
      >
        {run.ids.length === 0 ? (
          <p className="text-muted-foreground text-sm">The result appears here, with what it cost.</p>
        ) : null}
        {run.ids.map((id) => {
          const item = run.items.find((i) => i.id === id);
          return (
            <article key={id} className="flex flex-col gap-3" data-testid="tool-result">
              <StatusChip status={item?.status ?? "queued"} className="w-fit bg-muted" />
              {item?.status === "completed" ? props.result(item) : null}
              {item?.status === "failed" ? (
                <FormMessage>{item.error ?? "The job failed."}</FormMessage>
              ) : null}
              {item ? <Receipt item={item} /> : null}
            </article>
          );
        })}
      </section>
    </div>
  );
}
