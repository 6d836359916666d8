import "server-only";
// Stops a generation's job at its provider, with the key it was submitted with (the job belongs
// to that key's account). Best effort: our row is canceled or gone whatever the provider says.
import type { GenerationRow } from "@/lib/generations/types";
import type { Logger } from "@/lib/log";
import { getModel } from "@/lib/models-config";
import { credentialForGeneration } from "@/lib/providers/credentials";
import { providerAdapter } from "@/lib/providers/registry";

export type ProviderJob = Pick<
  GenerationRow,
  "id" | "provider" | "model_id" | "provider_job_id" | "provider_token_id"
>;

export async function cancelProviderJob(job: ProviderJob, log: Logger): Promise<void> {
  const model = getModel(job.model_id);
  if (!model || !job.provider_job_id) return;
  try {
    await providerAdapter(job.provider).cancel(
      model,
      job.provider_job_id,
      await credentialForGeneration(job),
    );
  } catch (error) {
    log.warn("provider cancel failed", { generationId: job.id, error });
  }
}
