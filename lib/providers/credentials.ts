import "server-only";
// The key a generation's job belongs to: status polls, cancels and downloads use the key the
// job was submitted with (recorded as provider_token_id), falling back to the env key when the
// job went out with it or the key has since been deleted.
import type { GenerationRow } from "@/lib/generations/types";
import { credentialForToken } from "@/lib/providers/token-pool";
import type { ProviderCredential } from "@/lib/providers/types";

export function credentialForGeneration(
  generation: Pick<GenerationRow, "provider" | "provider_token_id">,
): Promise<ProviderCredential> {
  return credentialForToken(generation.provider, generation.provider_token_id);
}
