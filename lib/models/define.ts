// `defineModel` ties a typed parameter set to the provider mapping, then erases the input type so
// models of every shape fit in one catalog array.
import type { ParamSet } from "./params";
import { portsOf } from "./ports";
import { servedModel } from "./provider-models";
import type { ModelDefinition, ModelInput, ModelOf, ProviderId, ProviderInputMap } from "./types";

type ModelFields = Omit<
  ModelDefinition,
  "provider" | "verified" | "inputSchema" | "params" | "ports" | "billableUnits" | "toProviderInput"
>;

export type ModelSpec<P extends ProviderId, T> = ModelFields & {
  provider: P;
  params: ParamSet<T>;
  billableUnits: (input: T) => number;
  toProviderInput: (input: T) => ProviderInputMap[P];
};

export function defineModel<P extends ProviderId, T>(spec: ModelSpec<P, T>): ModelOf<P> {
  const { params, billableUnits, toProviderInput, ...rest } = spec;
  const schema = params.schema;
  return {
    ...rest,
    verified: servedModel(spec.provider, spec.providerRef)?.verified ?? null,
    inputSchema: schema as unknown as ModelDefinition["inputSchema"],
    params: params.descriptors,
    ports: portsOf(spec.id, params.descriptors, spec.kind),
    billableUnits: (input: ModelInput) => billableUnits(schema.parse(input)),
    toProviderInput: (input: ModelInput) => toProviderInput(schema.parse(input)),
  };
}

/** Drops undefined values so optional fields are simply absent from the provider request. */
export function compact<T extends Record<string, unknown>>(
  value: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
