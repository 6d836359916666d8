import { z } from "zod";
import { createEndpoint, listEndpoints } from "@/lib/outbound-webhooks/endpoints";
import { OUTBOUND_EVENT_TYPES } from "@/lib/outbound-webhooks/events";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

// A person's outbound webhook endpoints, managed from a signed-in session.
const createSchema = z
  .object({
    url: z.string({ error: "url is required" }).trim().min(1, "url is required").max(2000),
    events: z
      .array(
        z.enum(OUTBOUND_EVENT_TYPES, {
          error: `each event must be one of ${OUTBOUND_EVENT_TYPES.join(", ")}`,
        }),
      )
      .min(1, "pick at least one event"),
  })
  .strict();

export const GET = withApiLogging({ auth: "user" }, async ({ user }) =>
  Response.json({ endpoints: await listEndpoints(user.id) }),
);

// The signing secret is in this answer only.
export const POST = withApiLogging({ auth: "user" }, async ({ req, user, log }) => {
  const body = await parseJson(req, createSchema);
  const created = await createEndpoint(user.id, body);
  log.info("webhook endpoint added", { endpointId: created.id, events: body.events });
  return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});

export * from "@/lib/api/method-fallbacks";
