import "server-only";
// What happens once a generation has ended, run by its `generation.ended` job (enqueued by the
// trigger in the ending statement, so a crash between the end and these hooks loses nothing).
// The refund is not here: the status trigger books it in the ending statement itself.
// Hooks must tolerate running twice (a job retried after its process died mid-way): the
// notification is unique per (generation, kind).
import { getGeneration } from "@/lib/db/generations";
import { advanceFlowsAfterDelete, advanceFlowsAfterEnd } from "@/lib/flows/on-generation-ended";
import type { GenerationRow } from "@/lib/generations/types";
import type { Logger } from "@/lib/log";
import { notifyGenerationFinished } from "@/lib/notifications/notify-generation-finished";
import { publishGenerationEvent } from "@/lib/outbound-webhooks/generation-events";

type EndedHook = (generation: GenerationRow, log: Logger) => Promise<void>;

// The flow's next step first: it is what someone watching a run waits for. The webhook event
// is unique per (generation, outcome), so it too is recorded once.
const HOOKS: readonly EndedHook[] = [advanceFlowsAfterEnd, notifyGenerationFinished, publishGenerationEvent];

export async function runEndedHooks(generationId: string, log: Logger): Promise<void> {
  const generation = await getGeneration(generationId);
  // Deleted meanwhile: nobody is left to tell, but a flow run may have been waiting for it.
  if (!generation) return advanceFlowsAfterDelete(generationId, log);
  for (const hook of HOOKS) await hook(generation, log);
}
