import "server-only";
// Where each provider lives and with which credentials. A key makes a provider live; without
// one it talks to the local emulator (scripts/emulator), whose wire protocol is the provider's.
import { env, mode } from "@/lib/env";
import type { ProviderId } from "@/lib/models-config";
import type { ProviderCredential } from "@/lib/providers/types";

const emulatorOrigin = () => `http://127.0.0.1:${env.EMULATOR_PORT}`;

const ENV_KEYS: Record<ProviderId, { value: () => string | undefined; placeholder: string }> = {
  replicate: { value: () => env.REPLICATE_API_TOKEN, placeholder: "r8_emulator" },
  fal: { value: () => env.FAL_KEY, placeholder: "emulator:key" },
  google: { value: () => env.GEMINI_API_KEY, placeholder: "emulator-key" },
};

/** Whether a real key for the provider is configured in env (not the emulator placeholder). */
export function hasEnvKey(provider: ProviderId): boolean {
  return Boolean(ENV_KEYS[provider].value());
}

/** The key from env, or the emulator's placeholder when none is set. */
export function envCredential(provider: ProviderId): ProviderCredential {
  const key = ENV_KEYS[provider];
  return { tokenId: null, secret: key.value() ?? key.placeholder };
}

/** A pool key, like an env key, means the real provider (unless a base URL points elsewhere). */
function isLive(provider: ProviderId, credential?: ProviderCredential): boolean {
  return mode.providers[provider] === "live" || Boolean(credential?.tokenId);
}

export function replicateConfig(credential: ProviderCredential = envCredential("replicate")) {
  return {
    auth: credential.secret,
    baseUrl:
      env.REPLICATE_BASE_URL ??
      (isLive("replicate", credential) ? "https://api.replicate.com/v1" : `${emulatorOrigin()}/v1`),
    webhookSecret: env.REPLICATE_WEBHOOK_SECRET,
  };
}

export function falConfig(credential: ProviderCredential = envCredential("fal")) {
  return {
    credentials: credential.secret,
    queueUrl: env.FAL_QUEUE_URL ?? (isLive("fal", credential) ? "https://queue.fal.run" : emulatorOrigin()),
  };
}

/** fal signs webhooks with its own keys; `live` when an env or pool key sends jobs to fal. */
export function falJwksUrl(live: boolean): string {
  return (
    env.FAL_JWKS_URL ??
    (live || mode.providers.fal === "live"
      ? "https://rest.alpha.fal.ai/.well-known/jwks.json"
      : `${emulatorOrigin()}/.well-known/jwks.json`)
  );
}

export function geminiConfig(credential: ProviderCredential = envCredential("google")) {
  return {
    apiKey: credential.secret,
    baseUrl: env.GEMINI_BASE_URL ?? (isLive("google", credential) ? undefined : emulatorOrigin()),
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
