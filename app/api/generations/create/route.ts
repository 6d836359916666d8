import { z } from "zod";
import { createGeneration, MAX_VARIATIONS } from "@/lib/generations/create-generation";
import { nudgeJobs } from "@/lib/jobs/nudge";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

const bodySchema = z.object({
  model: z.string({ error: "model is required" }).min(1, "model is required"),
  input: z.record(z.string(), z.unknown()).default({}),
  /** The output this one iterates on ("use as input"); ignored unless it is the caller's. */
  parent_generation_id: z.uuid({ error: "parent_generation_id must be a generation id" }).optional(),
  /** How many generations of this input to start (each charged and refunded on its own). */
  variations: z
    .int({ error: "must be a whole number" })
    .min(1, "must be from 1 to 4")
    .max(MAX_VARIATIONS, "must be from 1 to 4")
    .optional(),
});

// The row is visible as queued at once; its submit job, committed with it, calls the provider.
export const POST = withApiLogging({ auth: "user", maxBodyBytes: 256 * 1024 }, async ({ req, user, log }) => {
  const body = await parseJson(req, bodySchema);
  const { generation, generations } = await createGeneration({
    userId: user.id,
    modelId: body.model,
    input: body.input,
    parentGenerationId: body.parent_generation_id ?? null,
    variations: body.variations,
  });
  nudgeJobs(log);
  return Response.json(
    { id: generation.id, status: generation.status, ids: generations.map((g) => g.id) },
    { status: 202 },
  );
});

export * from "@/lib/api/method-fallbacks";
