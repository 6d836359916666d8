"use client";

import { estimateCredits, providerLabel } from "@/components/generations/model-format";
import { useCatalog, useNodePorts } from "../catalog";
import { portsFor } from "../ports";
import { useFlowStore } from "../store/flow-store-context";
import { asNode, type NodeBodyProps } from "./as-node";
import { ModelSelect } from "./model-select";
import { NodeFrame } from "./node-frame";
import { KIND_LOOK, toolLook } from "./node-kinds";
import { PriceBadge } from "./price-badge";

export const GenerateNode = asNode<"generate">(function GenerateNode({
  id,
  data,
  selected,
}: NodeBodyProps<"generate">) {
  const { models, byId, rules } = useCatalog();
  const model = byId.get(data.model);
  const reshape = useFlowStore((s) => s.reshape);
  const readOnly = useFlowStore((s) => s.readOnly);
  const ports = useNodePorts("generate", data.model);
  const look = { ...KIND_LOOK.generate, ...(model ? toolLook(model.tools) : {}) };
  const settings =
    model?.params.filter(
      (p) =>
        p.control !== "textarea" &&
        p.type !== "image" &&
        p.type !== "images" &&
        data.params[p.name] !== undefined,
    ) ?? [];
  return (
    <NodeFrame
      id={id}
      {...look}
      subtitle={model ? `${model.name} · ${providerLabel(model.provider)}` : "Unknown model"}
      ports={ports}
      selected={selected}
      model={data.model}
      badge={<PriceBadge id={id} listPrice={model ? estimateCredits(model, data.params) : null} />}
    >
      <ModelSelect
        models={models.filter((m) => !m.tools.includes("text"))}
        value={data.model}
        disabled={readOnly}
        onChange={(next) => {
          const nextModel = byId.get(next);
          if (!nextModel) return;
          const names = new Set(nextModel.params.map((p) => p.name));
          const params = Object.fromEntries(Object.entries(data.params).filter(([name]) => names.has(name)));
          const nextPorts = portsFor("generate", next, rules);
          reshape(
            id,
            { model: next, params },
            {
              inputs: nextPorts.inputs.map((p) => p.name),
              outputs: nextPorts.outputs.map((p) => p.name),
            },
          );
        }}
      />
      {settings.length > 0 ? (
        <dl className="flex flex-wrap gap-1">
          {settings.slice(0, 4).map((param) => (
            <div key={param.name} className="flex gap-1 rounded bg-muted px-1.5 py-0.5 text-[11px]">
              <dt className="text-muted-foreground">{param.label}</dt>
              <dd className="font-medium">{labelOf(param.options, data.params[param.name])}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </NodeFrame>
  );
});

function labelOf(options: { value: unknown; label: string }[] | undefined, value: unknown): string {
  return options?.find((o) => o.value === value)?.label ?? String(value);
}
