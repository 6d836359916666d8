"use client";

import { ChevronDownIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Label } from "@/components/ui/label";
import { TOOL_LABELS } from "@/lib/models/tools";
import type { LiteModel } from "@/lib/models-lite";
import { selectClass } from "./fields/select-field";
import { priceLine, providerLabel } from "./model-format";

const KIND_LABELS = { image: "Image", video: "Video" } as const;

/** Groups "Image · Replicate", "Video · Google", … in catalog order. */
export function groupModels(models: readonly LiteModel[], withKind: boolean) {
  const groups = new Map<string, LiteModel[]>();
  for (const model of models) {
    const label = withKind
      ? `${KIND_LABELS[model.kind]} · ${providerLabel(model.provider)}`
      : providerLabel(model.provider);
    groups.set(label, [...(groups.get(label) ?? []), model]);
  }
  const order = (label: string) => (label.startsWith(KIND_LABELS.video) ? 1 : 0);
  return [...groups].sort(([a], [b]) => order(a) - order(b));
}

/** A native select labelled "Model" (quick on phones), with the chosen model described below. */
export function ModelPicker({
  models,
  value,
  onChange,
  withKind,
}: {
  models: readonly LiteModel[];
  value: LiteModel;
  onChange: (id: string) => void;
  withKind: boolean;
}) {
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-2">
        <Label htmlFor="model-picker">Model</Label>
        <div className="relative">
          <select
            id="model-picker"
            value={value.id}
            className={selectClass}
            aria-describedby="model-summary"
            onChange={(event) => onChange(event.target.value)}
          >
            {groupModels(models, withKind).map(([label, group]) => (
              <optgroup key={label} label={label}>
                {group.map((model) => (
                  <option key={model.id} value={model.id}>
                    {model.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <ChevronDownIcon
            aria-hidden
            className="-translate-y-1/2 pointer-events-none absolute top-1/2 right-3 size-4 text-muted-foreground"
          />
        </div>
      </div>
      <ModelSummary model={value} />
    </div>
  );
}

export function ModelSummary({ model }: { model: LiteModel }) {
  return (
    <div id="model-summary" className="flex flex-col gap-2 rounded-lg border bg-muted/40 p-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-sm">{model.name}</span>
        <Badge variant="outline">{providerLabel(model.provider)}</Badge>
      </div>
      <p className="text-muted-foreground text-sm">{model.description}</p>
      <div className="flex flex-wrap gap-1.5">
        {model.tools.map((tool) => (
          <Badge key={tool} variant="secondary">
            {TOOL_LABELS[tool]}
          </Badge>
        ))}
        <Badge variant="brand">{priceLine(model.price)}</Badge>
      </div>
    </div>
  );
}
