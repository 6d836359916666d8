// `tsx scripts/emulator/index.ts`: the provider emulator on EMULATOR_PORT (default 4010).
// Point the app at it with REPLICATE_BASE_URL=<url>/v1, FAL_QUEUE_URL=<url>,
// FAL_JWKS_URL=<url>/.well-known/jwks.json, GEMINI_BASE_URL=<url> and the printed secret.
import { startEmulator } from "./server";

const port = Number(process.env.EMULATOR_PORT || 4010);
const emulator = await startEmulator({
  port,
  host: process.env.EMULATOR_HOST || "127.0.0.1",
  replicateWebhookSecret: process.env.REPLICATE_WEBHOOK_SECRET || undefined,
  speedFactor: Number(process.env.EMULATOR_SPEED_FACTOR || 1),
  log: (line) => console.log(`[emulator] ${line}`),
});

console.log(`[emulator] listening on ${emulator.url}`);
console.log(
  `[emulator] REPLICATE_BASE_URL=${emulator.url}/v1 FAL_QUEUE_URL=${emulator.url} GEMINI_BASE_URL=${emulator.url}`,
);
console.log(
  `[emulator] FAL_JWKS_URL=${emulator.falJwksUrl} REPLICATE_WEBHOOK_SECRET=${emulator.replicateWebhookSecret}`,
);

const stop = () => void emulator.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
