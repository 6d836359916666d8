import "server-only";
import { insertGenerationUnderLimit } from "@/lib/db/generations";
import { AppError } from "@/lib/errors";
import { type GenerationRow, MAX_ACTIVE_PER_USER } from "@/lib/generations/types";
import { getModel, type ModelDefinition, promptOf, validateModelInput } from "@/lib/models-config";

export type CreatedGeneration = { generation: GenerationRow; model: ModelDefinition };

/** Validates and records a queued generation; submission to the provider happens after the response. */
export async function createGeneration(args: {
  userId: string;
  modelId: string;
  input: unknown;
}): Promise<CreatedGeneration> {
  const model = getModel(args.modelId);
  if (!model?.enabled) throw new AppError("bad_request", `model: unknown model "${args.modelId}"`);
  const validated = validateModelInput(model, args.input ?? {});
  if (!validated.ok) throw new AppError("bad_request", validated.error);
  const generation = await insertGenerationUnderLimit({
    userId: args.userId,
    modelId: model.id,
    provider: model.provider,
    kind: model.kind,
    input: { ...validated.input },
    prompt: promptOf(validated.input),
  });
  if (!generation) {
    throw new AppError(
      "rate_limited",
      `You already have ${MAX_ACTIVE_PER_USER} generations running. Wait for one to finish.`,
      {
        "Retry-After": "10",
      },
    );
  }
  return { generation, model };
}
