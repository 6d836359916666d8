import { deleteGeneration, requireOwnGeneration } from "@/lib/generations/manage-generation";
import { serializeGenerationDetail } from "@/lib/generations/serialize";
import { withApiLogging } from "@/lib/with-api-logging";

export const GET = withApiLogging({ auth: "user", scope: "read" }, async ({ params, user }) =>
  Response.json(await serializeGenerationDetail(await requireOwnGeneration(String(params.id), user.id))),
);

export const DELETE = withApiLogging({ auth: "user" }, async ({ params, user, log }) => {
  await deleteGeneration(String(params.id), user.id, log);
  return new Response(null, { status: 204 });
});

export * from "@/lib/api/method-fallbacks";
