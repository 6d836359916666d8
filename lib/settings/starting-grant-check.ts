import "server-only";
// A new account should be able to try video: warn the operator (in the log at startup and in
// Admin → Settings) when the effective starting grant cannot pay for the cheapest enabled clip.
import { log } from "@/lib/log";
import { listEffectiveModels } from "@/lib/models/overrides";
import { plural } from "@/lib/plural";
import { smallestJobCredits } from "@/lib/pricing";
import { getSetting } from "@/lib/settings/settings";

export type CheapestVideo = { model: string; name: string; credits: number };

/** The enabled video model with the cheapest shortest clip, admin prices applied. */
export async function cheapestVideoJob(): Promise<CheapestVideo | null> {
  let cheapest: CheapestVideo | null = null;
  for (const { model, enabled, unitPrice } of await listEffectiveModels()) {
    if (!enabled || model.kind !== "video") continue;
    const credits = smallestJobCredits(model, unitPrice);
    if (!cheapest || credits < cheapest.credits) cheapest = { model: model.id, name: model.name, credits };
  }
  return cheapest;
}

/** Why the starting grant is too small, or null when it covers the cheapest video. */
export function startingGrantProblem(grant: number, cheapest: CheapestVideo | null): string | null {
  if (!cheapest || grant >= cheapest.credits) return null;
  return (
    `New accounts start with ${plural(grant, "credit")}, less than the cheapest video ` +
    `(${cheapest.name}, ${plural(cheapest.credits, "credit")}), so new people cannot try video. ` +
    `Raise the starting credits to at least ${cheapest.credits}.`
  );
}

export async function startingGrantWarning(): Promise<string | null> {
  const [grant, cheapest] = await Promise.all([getSetting("starting_credits"), cheapestVideoJob()]);
  return startingGrantProblem(grant, cheapest);
}

/** At startup: one warning line when the grant is too small. Never throws. */
export async function logStartingGrantWarning(): Promise<void> {
  try {
    const warning = await startingGrantWarning();
    if (warning) log.warn("starting credits below the cheapest video", { warning });
  } catch (error) {
    log.warn("could not check the starting credits", { error });
  }
}
