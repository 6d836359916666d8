// The catalog as the browser sees it: plain JSON (no zod, no functions), enough to render the
// model picker and generate the create form. Safe to import from client components.

import type { ParamDescriptor } from "./models/params";
import type { ModelPorts } from "./models/ports";
import type { Tool } from "./models/tools";
import type { ModelKind, ModelPrice, ProviderId } from "./models/types";
import { MODELS, type ModelDefinition } from "./models-config";

export type LiteModel = {
  id: string;
  provider: ProviderId;
  kind: ModelKind;
  name: string;
  description: string;
  tools: Tool[];
  ports: ModelPorts;
  maxReferenceImages?: number;
  /** List price; the server computes the charge (admin overrides may differ). */
  price: ModelPrice;
  params: ParamDescriptor[];
};

export function toLiteModel(model: ModelDefinition): LiteModel {
  return {
    id: model.id,
    provider: model.provider,
    kind: model.kind,
    name: model.name,
    description: model.description,
    tools: [...model.tools],
    ports: { inputs: model.ports.inputs.map((port) => ({ ...port })), output: model.ports.output },
    ...(model.maxReferenceImages !== undefined && { maxReferenceImages: model.maxReferenceImages }),
    price: { unit: model.price.unit, credits: model.price.credits },
    params: model.params.map((p) => ({
      ...p,
      ...(p.options && { options: p.options.map((o) => ({ ...o })) }),
    })),
  };
}

/** Enabled models only. */
export const LITE_MODELS: readonly LiteModel[] = Object.freeze(
  MODELS.filter((m) => m.enabled).map(toLiteModel),
);
