import { uuidParam } from "@/lib/admin/params";
import { sql } from "@/lib/db/client";
import { nudgeJobs } from "@/lib/jobs/nudge";
import { requireOwnEndpoint } from "@/lib/outbound-webhooks/endpoints";
import { enqueueTestEvent } from "@/lib/outbound-webhooks/enqueue-event";
import { withApiLogging } from "@/lib/with-api-logging";

// "Send test event": a `webhook.test` event to this endpoint only, delivered like any other.
export const POST = withApiLogging({ auth: "user" }, async ({ params, user, log }) => {
  const endpoint = await requireOwnEndpoint(user.id, uuidParam(params));
  const eventId = await sql.begin((tx) => enqueueTestEvent(tx, user.id, endpoint.id));
  nudgeJobs(log);
  return Response.json({ event_id: eventId }, { status: 202 });
});

export * from "@/lib/api/method-fallbacks";
