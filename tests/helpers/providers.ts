// The provider emulator, started inside the test process, and the env that points the app at it.
import { signStandardWebhook } from "../../lib/providers/standard-webhooks";
import { type Emulator, providerUrlsOf, startEmulator } from "../../scripts/emulator/server";
import { startApp, type TestApp } from "./app";
import type { Client } from "./http";

export const TEST_CRON_SECRET = "test-cron-secret-0123456789";

/** `log` receives the emulator's line per request and per webhook delivery. */
export async function startProviders(
  speedFactor = 0.2,
  log?: (line: string) => void,
): Promise<{ emulator: Emulator; env: Record<string, string> }> {
  const emulator = await startEmulator({ port: 0, speedFactor, log });
  return {
    emulator,
    env: {
      ...providerUrlsOf(emulator),
      CRON_SECRET: TEST_CRON_SECRET,
      // Provider tests are not about money: enough credits for a few videos (credits.test.ts sets its own).
      STARTING_CREDITS: "10000",
    },
  };
}

/**
 * The emulator and an app pointed at it, as most API test files begin. `env` adds to the app's
 * environment (or overrides the providers' defaults); the emulator is closed if the app fails.
 */
export async function startAppWithProviders(
  options: { speedFactor?: number; env?: Record<string, string>; log?: (line: string) => void } = {},
): Promise<{ app: TestApp; emulator: Emulator }> {
  const providers = await startProviders(options.speedFactor, options.log);
  try {
    return { app: await startApp({ ...providers.env, ...options.env }), emulator: providers.emulator };
  } catch (error) {
    await providers.emulator.close();
    throw error;
  }
}

/** Stops what startAppWithProviders started; either is missing when its start failed. */
export async function stopAppWithProviders(app?: TestApp, emulator?: Emulator): Promise<void> {
  await app?.stop();
  await emulator?.close();
}

/** Posts a Replicate webhook for a generation, signed with the emulator's secret as Replicate signs. */
export async function deliverReplicateWebhook(args: {
  appUrl: string;
  emulator: Emulator;
  generationId: string;
  eventId: string;
  prediction: Record<string, unknown>;
}): Promise<Response> {
  const body = JSON.stringify(args.prediction);
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = signStandardWebhook(args.emulator.replicateWebhookSecret, args.eventId, ts, body);
  return fetch(`${args.appUrl}/api/webhook/replicate?generation=${args.generationId}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-id": args.eventId,
      "webhook-timestamp": ts,
      "webhook-signature": `v1,${signature}`,
    },
    body,
  });
}

export type GenerationBody = {
  id: string;
  status: string;
  error: string | null;
  model: string;
  prompt: string | null;
  outputs: {
    url: string;
    thumbnail_url: string | null;
    mime: string;
    width: number | null;
    height: number | null;
    duration: number | null;
    last_frame_asset_id: string | null;
    last_frame_url: string | null;
  }[];
};

/** Polls a generation until it leaves the active states (or the timeout passes). */
export async function waitForGeneration(
  client: Client,
  id: string,
  timeoutMs = 30_000,
): Promise<GenerationBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get<GenerationBody>(`/api/generations/${id}`);
    if (res.status !== 200) throw new Error(`GET generation ${id}: ${res.status}`);
    if (!["queued", "processing"].includes(res.body.status) || Date.now() > deadline) return res.body;
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function runReconciler(baseUrl: string): Promise<Record<string, number>> {
  const res = await fetch(`${baseUrl}/api/cron/reconcile`, {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_CRON_SECRET}` },
  });
  if (res.status !== 200) throw new Error(`reconcile: ${res.status}`);
  return (await res.json()) as Record<string, number>;
}
