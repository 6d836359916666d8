import { uuidParam } from "@/lib/admin/params";
import { listDeliveries } from "@/lib/outbound-webhooks/deliveries";
import { requireOwnEndpoint } from "@/lib/outbound-webhooks/endpoints";
import { withApiLogging } from "@/lib/with-api-logging";

// The newest deliveries of one endpoint, each with its attempts.
export const GET = withApiLogging({ auth: "user" }, async ({ params, user }) => {
  const endpoint = await requireOwnEndpoint(user.id, uuidParam(params));
  return Response.json(
    { deliveries: await listDeliveries(endpoint.id) },
    { headers: { "cache-control": "private, no-cache" } },
  );
});

export * from "@/lib/api/method-fallbacks";
