"use client";

import { ParamField } from "@/components/generations/fields/param-field";
import type { InputPort } from "@/lib/flows/graph";
import type { ParamDescriptor } from "@/lib/models/params";
import type { LiteModel } from "@/lib/models-lite";

/**
 * A model's settings for one node. A parameter that an input port fills is shown only while
 * nothing is connected to that port (a prompt can be typed here or come from a Text node);
 * image inputs always come through their handles.
 */
export function ModelParams({
  nodeId,
  model,
  params,
  ports,
  connected,
  readOnly,
  onChange,
}: {
  nodeId: string;
  model: LiteModel;
  params: Record<string, unknown>;
  ports: readonly InputPort[];
  connected: ReadonlySet<string>;
  readOnly: boolean;
  onChange: (params: Record<string, unknown>, field?: string) => void;
}) {
  const fed = new Map(ports.flatMap((port) => (port.param ? [[port.param, port] as const] : [])));
  const shown = model.params.filter((param) => {
    const port = fed.get(param.name);
    if (!port) return param.type !== "image" && param.type !== "images";
    return port.kind === "text" && !connected.has(port.name);
  });
  const basic = shown.filter((p) => !p.advanced);
  const advanced = shown.filter((p) => p.advanced);
  const field = (param: ParamDescriptor) => (
    <ParamField
      key={param.name}
      param={{ ...param, required: false }}
      idPrefix={`inspector-${nodeId}`}
      value={params[param.name] ?? param.default}
      disabled={readOnly}
      onChange={(name, value) => {
        const next = { ...params };
        const cleared = value === "" || value === undefined || value === null;
        if (cleared) delete next[name];
        else next[name] = param.control === "number" ? Number(value) : value;
        onChange(next, param.type === "string" ? `params.${name}` : undefined);
      }}
    />
  );
  return (
    <div className="flex flex-col gap-4">
      {basic.map(field)}
      {advanced.length > 0 ? (
        <details className="flex flex-col">
          <summary className="cursor-pointer select-none font-medium text-muted-foreground text-sm hover:text-foreground">
            Advanced
          </summary>
          <div className="mt-4 flex flex-col gap-4">{advanced.map(field)}</div>
        </details>
      ) : null}
    </div>
  );
}
