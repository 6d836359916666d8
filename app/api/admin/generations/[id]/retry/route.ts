import { retryGeneration } from "@/lib/admin/generations/retry-generation";
import { uuidParam } from "@/lib/admin/params";
import { nudgeJobs } from "@/lib/jobs/nudge";
import { withApiLogging } from "@/lib/with-api-logging";

// The new generation is queued and charged at once, with its submit job.
export const POST = withApiLogging({ auth: "admin" }, async ({ params, user, log }) => {
  const { generation } = await retryGeneration(user, uuidParam(params));
  nudgeJobs(log);
  return Response.json(
    { id: generation.id, status: generation.status, parent_generation_id: generation.parent_generation_id },
    { status: 202 },
  );
});

export * from "@/lib/api/method-fallbacks";
