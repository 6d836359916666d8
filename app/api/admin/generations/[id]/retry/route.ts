import { after } from "next/server";
import { retryGeneration } from "@/lib/admin/generations/retry-generation";
import { uuidParam } from "@/lib/admin/params";
import { submitGeneration } from "@/lib/generations/submit-generation";
import { withApiLogging } from "@/lib/with-api-logging";

// The new generation is queued and charged at once; the provider call happens after the response.
export const POST = withApiLogging({ auth: "admin" }, async ({ req, params, user, log }) => {
  const { generation, model } = await retryGeneration(user, uuidParam(params));
  after(() => submitGeneration({ generation, model, origin: req.nextUrl.origin, log }));
  return Response.json(
    { id: generation.id, status: generation.status, parent_generation_id: generation.parent_generation_id },
    { status: 202 },
  );
});

export * from "@/lib/api/method-fallbacks";
