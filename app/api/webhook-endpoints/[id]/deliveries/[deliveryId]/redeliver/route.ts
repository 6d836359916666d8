import { uuidParam } from "@/lib/admin/params";
import { nudgeJobs } from "@/lib/jobs/nudge";
import { redeliver } from "@/lib/outbound-webhooks/deliveries";
import { withApiLogging } from "@/lib/with-api-logging";

// Sends the delivery once more, now, with the same event id; the attempt joins its log.
export const POST = withApiLogging({ auth: "user" }, async ({ params, user, log }) => {
  const endpointId = uuidParam(params);
  const deliveryId = uuidParam(params, "deliveryId");
  await redeliver(user.id, endpointId, deliveryId);
  nudgeJobs(log);
  return Response.json({ id: deliveryId, queued: true }, { status: 202 });
});

export * from "@/lib/api/method-fallbacks";
