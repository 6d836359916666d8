import { cancelGeneration } from "@/lib/generations/manage-generation";
import { withApiLogging } from "@/lib/with-api-logging";

export const POST = withApiLogging({ auth: "user", scope: "generate" }, async ({ params, user, log }) => {
  const canceled = await cancelGeneration(String(params.id), user.id, log);
  return Response.json({ id: canceled.id, status: canceled.status });
});

export * from "@/lib/api/method-fallbacks";
