import { attributeGenerationToKey } from "@/lib/api-keys/attribute-generation";
import { createGenerationRequest } from "@/lib/contracts/generations";
import { createGeneration } from "@/lib/generations/create-generation";
import { nudgeJobs } from "@/lib/jobs/nudge";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

// The row is visible as queued at once; its submit job, committed with it, calls the provider.
export const POST = withApiLogging(
  { auth: "user", scope: "generate", maxBodyBytes: 256 * 1024 },
  async ({ req, user, apiKey, log }) => {
    const body = await parseJson(req, createGenerationRequest);
    const { generation } = await createGeneration({
      userId: user.id,
      modelId: body.model,
      input: body.input,
      parentGenerationId: body.parent_generation_id ?? null,
      sessionId: body.session_id ?? null,
    });
    if (apiKey) await attributeGenerationToKey(generation.id, apiKey.id);
    nudgeJobs(log);
    return Response.json(
      { id: generation.id, status: generation.status, session_id: generation.workspace_id },
      { status: 202 },
    );
  },
);

export * from "@/lib/api/method-fallbacks";
