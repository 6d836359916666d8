import { insertWebhookEvent } from "@/lib/db/webhook-events";
import { AppError } from "@/lib/errors";
import { nudgeJobs } from "@/lib/jobs/nudge";
import { isWebhookProvider, providerAdapter } from "@/lib/providers/registry";
import { WebhookRejected } from "@/lib/providers/types";
import { withApiLogging } from "@/lib/with-api-logging";

// Larger than any real delivery (a prediction with its logs), small enough that an unsigned
// body cannot cost memory before the signature check refuses it.
const MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// POST /api/webhook/replicate|fal — the signature is checked on the raw body before anything
// else; the event is stored once with its processing job, which runs after the 2xx goes out.
export const POST = withApiLogging(
  { auth: "none", maxBodyBytes: MAX_WEBHOOK_BYTES },
  async ({ req, params, log }) => {
    const provider = String(params.provider);
    if (!isWebhookProvider(provider)) throw new AppError("not_found", "Unknown webhook provider.");
    const rawBody = await req.text();
    let verified: Awaited<ReturnType<ReturnType<typeof providerAdapter>["verifyWebhook"]>>;
    try {
      verified = await providerAdapter(provider).verifyWebhook(req.headers, rawBody);
    } catch (error) {
      if (!(error instanceof WebhookRejected)) throw error;
      log.warn("webhook rejected", { provider, reason: error.message });
      throw new AppError("unauthorized", "Invalid webhook signature.");
    }
    const correlation = req.nextUrl.searchParams.get("generation");
    const eventRowId = await insertWebhookEvent({
      provider,
      eventId: verified.eventId,
      generationId: correlation && UUID.test(correlation) ? correlation : null,
      payload: verified.payload,
    });
    if (!eventRowId) return Response.json({ received: true, duplicate: true });
    nudgeJobs(log);
    return Response.json({ received: true });
  },
);

export * from "@/lib/api/method-fallbacks";
