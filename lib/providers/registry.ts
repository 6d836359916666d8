import "server-only";
import type { ProviderId } from "@/lib/models-config";
import { falAdapter } from "@/lib/providers/fal/adapter";
import { googleAdapter } from "@/lib/providers/google/adapter";
import { replicateAdapter } from "@/lib/providers/replicate/adapter";
import type { ProviderAdapter } from "@/lib/providers/types";

const ADAPTERS: Record<ProviderId, ProviderAdapter> = {
  replicate: replicateAdapter,
  fal: falAdapter,
  google: googleAdapter,
};

export function providerAdapter(id: ProviderId): ProviderAdapter {
  return ADAPTERS[id];
}

export function isWebhookProvider(id: string): id is "replicate" | "fal" {
  return id === "replicate" || id === "fal";
}
