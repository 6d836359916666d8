import { createEndpointRequest } from "@/lib/contracts/webhooks";
import { createEndpoint, listEndpoints } from "@/lib/outbound-webhooks/endpoints";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

// A person's outbound webhook endpoints, managed from a signed-in session.
export const GET = withApiLogging({ auth: "user" }, async ({ user }) =>
  Response.json({ endpoints: await listEndpoints(user.id) }),
);

// The signing secret is in this answer only.
export const POST = withApiLogging({ auth: "user" }, async ({ req, user, log }) => {
  const body = await parseJson(req, createEndpointRequest);
  const created = await createEndpoint(user.id, body);
  log.info("webhook endpoint added", { endpointId: created.id, events: body.events });
  return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});

export * from "@/lib/api/method-fallbacks";
