"use client";

import { ChevronDownIcon } from "lucide-react";
import type { FormEvent, KeyboardEvent, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useUser } from "@/contexts/user-context";
import type { LiteModel } from "@/lib/models-lite";
import { ParamField } from "./fields/param-field";
import type { FormValues } from "./form-store";
import { GenerateBar } from "./generate-bar";
import { priceLine } from "./model-format";
import { usePriceEstimate } from "./use-price-estimate";

/**
 * The create form generated from a model's parameters; advanced ones fold under "Advanced".
 * Ctrl+Enter (⌘+Enter) submits from any field.
 */
export function GenerationForm({
  model,
  values,
  errors,
  problem,
  paymentProblem,
  started,
  pending,
  onChange,
  onSubmit,
  variations = 1,
  onVariations,
}: {
  model: LiteModel;
  values: FormValues;
  errors: Record<string, string>;
  /** An error that belongs to no field, shown beside Generate. */
  problem: string | null;
  paymentProblem: boolean;
  started: ReactNode;
  pending: boolean;
  onChange: (name: string, value: unknown) => void;
  onSubmit: () => void;
  /** How many generations one click starts (each charged on its own); omit to hide the choice. */
  variations?: number;
  onVariations?: (count: number) => void;
}) {
  const basic = model.params.filter((param) => !param.advanced);
  const advanced = model.params.filter((param) => param.advanced);
  const single = usePriceEstimate(model, values);
  const price = single && { ...single, credits: single.credits * variations };
  const balance = useUser()?.credits ?? null;
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

  function submitOnShortcut(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.nativeEvent.isComposing) return;
    event.preventDefault();
    // Through the button, so a disabled Generate (too few credits, a job starting) stays disabled.
    const button = event.currentTarget.querySelector<HTMLButtonElement>("button[type=submit]");
    if (button && !button.disabled) event.currentTarget.requestSubmit(button);
  }

  return (
    <form
      onSubmit={submit}
      onKeyDown={submitOnShortcut}
      className="flex flex-col gap-5"
      aria-label={`${model.name} settings`}
    >
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
      {onVariations ? <VariationsField value={variations} onChange={onVariations} /> : null}
      <GenerateBar
        price={price}
        priceNote={priceLine(model.price)}
        balance={balance}
        pending={pending}
        problem={problem}
        paymentProblem={paymentProblem}
        started={started}
      />
    </form>
  );
}

const VARIATIONS = [1, 2, 3, 4] as const;

/** 1–4 variations of the same input; each appears, is charged and is refunded on its own. */
function VariationsField({ value, onChange }: { value: number; onChange: (count: number) => void }) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="font-medium text-sm">Variations</legend>
      <div className="flex gap-1">
        {VARIATIONS.map((n) => (
          <Button
            key={n}
            type="button"
            size="sm"
            variant={value === n ? "secondary" : "ghost"}
            aria-pressed={value === n}
            aria-label={`${n} ${n === 1 ? "variation" : "variations"}`}
            onClick={() => onChange(n)}
          >
            {n}
          </Button>
        ))}
      </div>
      <p className="text-muted-foreground text-xs">
        Each variation is its own generation with its own seed, charged separately.
      </p>
    </fieldset>
  );
}
