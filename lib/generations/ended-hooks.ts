import "server-only";
// What happens once a generation has ended, run by its `generation.ended` job (enqueued by the
// trigger in the ending statement, so a crash between the end and these hooks loses nothing).
// The refund is not here: the status trigger books it in the ending statement itself.
// Hooks must tolerate running twice (a job retried after its process died mid-way): the
// notification is unique per (generation, kind).
import { getGeneration } from "@/lib/db/generations";
import type { GenerationRow } from "@/lib/generations/types";
import type { Logger } from "@/lib/log";
import { notifyGenerationFinished } from "@/lib/notifications/notify-generation-finished";
import { publishGenerationEvent } from "@/lib/outbound-webhooks/generation-events";

type EndedHook = (generation: GenerationRow, log: Logger) => Promise<void>;

// The webhook event is unique per (generation, outcome), so it too is recorded once.
const HOOKS: readonly EndedHook[] = [notifyGenerationFinished, publishGenerationEvent];

export async function runEndedHooks(generationId: string, log: Logger): Promise<void> {
  // Deleted meanwhile: nobody is left to tell.
  const generation = await getGeneration(generationId);
  if (!generation) return;
  for (const hook of HOOKS) await hook(generation, log);
}
