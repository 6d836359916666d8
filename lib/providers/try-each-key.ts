import "server-only";
// One job, the pool's keys one after another. A key the provider refuses (401), throttles (429)
// or whose account is out of credit (402) gets its consequence (disabled, cooled down, rested)
// and the next usable key its turn, each key
// at most once, until one works or none is left. Any other failure belongs to the job, not
// the key, and ends the attempts at once.
import type { ProviderId } from "@/lib/models-config";
import { nextCredential, pickCredential, reportKeyFailure } from "@/lib/providers/token-pool";
import { type ProviderCredential, ProviderError } from "@/lib/providers/types";

export async function tryEachKey<T>(
  provider: ProviderId,
  attempt: (credential: ProviderCredential) => Promise<T>,
  onKeyFailed: (credential: ProviderCredential, error: ProviderError) => void,
): Promise<{ result: T; credential: ProviderCredential }> {
  const tried: string[] = [];
  let rateLimited = false;
  let outOfCredit = false;
  let credential = await pickCredential(provider);
  for (;;) {
    try {
      return { result: await attempt(credential), credential };
    } catch (error) {
      // Env keys have no row and nothing after them: their failure is final.
      if (!(await reportKeyFailure(credential, error, provider)) || credential.tokenId === null) throw error;
      const failure = error as ProviderError;
      onKeyFailed(credential, failure);
      rateLimited ||= failure.keyFailure === "rate_limited";
      outOfCredit ||= failure.keyFailure === "billing";
      tried.push(credential.tokenId);
      const next = await nextCredential(provider, tried);
      if (!next) {
        // Some key only waits out a rate limit: that is the reason worth telling; then credit.
        throw new ProviderError(
          `all ${tried.length} API keys failed; the last said: ${failure.message}`,
          null,
          {
            keyFailure: rateLimited ? "rate_limited" : outOfCredit ? "billing" : "rejected",
          },
        );
      }
      credential = next;
    }
  }
}
