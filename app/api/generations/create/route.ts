import { attributeGenerationToKey } from "@/lib/api-keys/attribute-generation";
import { createGenerationRequest } from "@/lib/contracts/generations";
import { createGeneration } from "@/lib/generations/create-generation";
import { nudgeJobs } from "@/lib/jobs/nudge";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

// The rows are visible as queued at once; each submit job, committed with them, calls the provider.
export const POST = withApiLogging(
  { auth: "user", scope: "generate", maxBodyBytes: 256 * 1024 },
  async ({ req, user, apiKey, log }) => {
    const body = await parseJson(req, createGenerationRequest);
    const { generation, generations } = await createGeneration({
      userId: user.id,
      modelId: body.model,
      input: body.input,
      parentGenerationId: body.parent_generation_id ?? null,
      variations: body.variations,
      sessionId: body.session_id ?? null,
    });
    if (apiKey) for (const g of generations) await attributeGenerationToKey(g.id, apiKey.id);
    nudgeJobs(log);
    return Response.json(
      {
        id: generation.id,
        status: generation.status,
        ids: generations.map((g) => g.id),
        session_id: generation.workspace_id,
      },
      { status: 202 },
    );
  },
);

export * from "@/lib/api/method-fallbacks";
