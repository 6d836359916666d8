import { uuidParam } from "@/lib/admin/params";
import { deleteEndpoint, requireOwnEndpoint } from "@/lib/outbound-webhooks/endpoints";
import { withApiLogging } from "@/lib/with-api-logging";

export const GET = withApiLogging({ auth: "user" }, async ({ params, user }) =>
  Response.json(await requireOwnEndpoint(user.id, uuidParam(params))),
);

// Its delivery log goes with it, and retries still scheduled find nothing to send.
export const DELETE = withApiLogging({ auth: "user" }, async ({ params, user, log }) => {
  const id = uuidParam(params);
  await deleteEndpoint(user.id, id);
  log.info("webhook endpoint removed", { endpointId: id });
  return new Response(null, { status: 204 });
});

export * from "@/lib/api/method-fallbacks";
