"use client";

import { ChevronDownIcon, LoaderCircleIcon, SparklesIcon } from "lucide-react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { LiteModel } from "@/lib/models-lite";
import { ParamField } from "./fields/param-field";
import type { FormValues } from "./form-store";
import { priceLine } from "./model-format";
import { usePriceEstimate } from "./use-price-estimate";

/** The create form generated from a model's parameters; advanced ones fold under "Advanced". */
export function GenerationForm({
  model,
  values,
  errors,
  pending,
  onChange,
  onSubmit,
}: {
  model: LiteModel;
  values: FormValues;
  errors: Record<string, string>;
  pending: boolean;
  onChange: (name: string, value: unknown) => void;
  onSubmit: () => void;
}) {
  const basic = model.params.filter((param) => !param.advanced);
  const advanced = model.params.filter((param) => param.advanced);
  const estimate = usePriceEstimate(model, values);
  const field = (param: LiteModel["params"][number]) => (
    <ParamField
      key={param.name}
      param={param}
      idPrefix={`f-${model.id}`}
      value={values[param.name]}
      error={errors[param.name]}
      onChange={onChange}
    />
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-5" aria-label={`${model.name} settings`}>
      {basic.map(field)}
      {advanced.length > 0 ? (
        <details className="group rounded-lg border" open={advanced.some((p) => errors[p.name]) || undefined}>
          <summary className="flex min-h-10 cursor-pointer list-none items-center justify-between gap-2 rounded-lg px-3 font-medium text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 [&::-webkit-details-marker]:hidden">
            Advanced
            <ChevronDownIcon aria-hidden className="size-4 transition-transform group-open:rotate-180" />
          </summary>
          <div className="flex flex-col gap-5 border-t px-3 pt-4 pb-3">{advanced.map(field)}</div>
        </details>
      ) : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-muted-foreground text-sm">
          {estimate ? (
            <>
              <span className="font-medium text-foreground">{estimate}</span>
              {` (${priceLine(model.price)})`}
            </>
          ) : (
            priceLine(model.price)
          )}
        </p>
        <Button type="submit" variant="brand" size="lg" disabled={pending} className="w-full sm:w-auto">
          {pending ? <LoaderCircleIcon aria-hidden className="animate-spin" /> : <SparklesIcon aria-hidden />}
          Generate
        </Button>
      </div>
    </form>
  );
}
