import "server-only";
// Where each provider lives and with which credentials. A key makes a provider live; without
// one it talks to the local emulator (scripts/emulator), whose wire protocol is the provider's.
import { env, mode } from "@/lib/env";

const emulatorOrigin = () => `http://127.0.0.1:${env.EMULATOR_PORT}`;

export function replicateConfig() {
  return {
    auth: env.REPLICATE_API_TOKEN ?? "r8_emulator",
    baseUrl:
      env.REPLICATE_BASE_URL ??
      (mode.providers.replicate === "live" ? "https://api.replicate.com/v1" : `${emulatorOrigin()}/v1`),
    webhookSecret: env.REPLICATE_WEBHOOK_SECRET,
  };
}

export function falConfig() {
  const live = mode.providers.fal === "live";
  return {
    credentials: env.FAL_KEY ?? "emulator:key",
    queueUrl: env.FAL_QUEUE_URL ?? (live ? "https://queue.fal.run" : emulatorOrigin()),
    jwksUrl:
      env.FAL_JWKS_URL ??
      (live
        ? "https://rest.alpha.fal.ai/.well-known/jwks.json"
        : `${emulatorOrigin()}/.well-known/jwks.json`),
  };
}

export function geminiConfig() {
  return {
    apiKey: env.GEMINI_API_KEY ?? "emulator-key",
    baseUrl: env.GEMINI_BASE_URL ?? (mode.providers.google === "live" ? undefined : emulatorOrigin()),
  };
}

const PROVIDER_MEDIA_HOSTS = [
  "replicate.delivery",
  "*.replicate.delivery",
  "fal.media",
  "*.fal.media",
  "generativelanguage.googleapis.com",
];

/** Hosts generation outputs may be downloaded from (no SSRF): the providers' CDNs, plus the emulator locally. */
export function mediaHostAllowlist(): string[] {
  if (env.MEDIA_HOST_ALLOWLIST) return env.MEDIA_HOST_ALLOWLIST;
  const emulated = Object.values(mode.providers).includes("emulator");
  return emulated ? [...PROVIDER_MEDIA_HOSTS, "127.0.0.1", "localhost"] : PROVIDER_MEDIA_HOSTS;
}
