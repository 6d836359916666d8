import "server-only";
// Starting one Generate or LLM node whose inputs are ready, inside the engine's transaction (run row
// and profile row locked): its real input and key, reuse of a finished result with that key,
// the user's limits, and then an ordinary generation with its input edges and submit job. Its
// price moves from the run's reservation to the generation: a settlement and the usual charge,
// which cancel out on the balance.
import type { TransactionSql } from "postgres";
import { recordInputs } from "@/lib/assets/generation-inputs";
import { slotOf } from "@/lib/assets/slots";
import { type FlowRunRow, findReusable } from "@/lib/db/flow-runs";
import { admissionRefusal } from "@/lib/db/generations";
import type { NodeOf } from "@/lib/flows/graph-schema";
import { handlesOf } from "@/lib/flows/handles";
import { buildNodeInput } from "@/lib/flows/node-input";
import { mayReuse, modelIdOf, type RunnableModel } from "@/lib/flows/plan-run";
import { parentsOf, type RunState } from "@/lib/flows/run-state";
import { SAVE_CATALOG } from "@/lib/flows/server-catalog";
import { refusal } from "@/lib/generations/create-generation";
import { enqueueSubmitFallback } from "@/lib/generations/submit-now";
import { promptOf } from "@/lib/models-config";
import { storage } from "@/lib/storage";
import { UPLOAD_URL_TTL_SECONDS } from "@/lib/uploads/reencode-image";

export type NodeStart =
  | { kind: "started"; generationId: string; key: string; price: number; settled: number }
  | { kind: "reused"; generationId: string; key: string }
  /** The user has as many jobs running as they may: try again when one ends. */
  | { kind: "wait" }
  | { kind: "failed"; error: string };

export type Wallet = { credits: number; reserveLeft: number; active: boolean };

export async function startNode(args: {
  tx: TransactionSql;
  run: FlowRunRow;
  state: RunState;
  node: NodeOf<"generate"> | NodeOf<"llm">;
  runnable: RunnableModel | undefined;
  /** The user's balance (profile row locked) and what is left of the reservation. */
  wallet: () => Promise<Wallet>;
}): Promise<NodeStart> {
  const { tx, run, state, node, runnable } = args;
  if (!runnable?.enabled)
    return {
      kind: "failed",
      error: `${runnable?.model.name ?? modelIdOf(node)} is not available right now.`,
    };
  const model = runnable.model;
  const parents = parentsOf(state, node.id);
  if (parents.some((p) => !state.values.get(p)))
    return { kind: "failed", error: "An input's result is no longer available." };
  const urls = new Map<string, string>();
  for (const p of parents) {
    const asset = state.values.get(p)?.asset;
    if (asset && !urls.has(asset.path))
      urls.set(asset.path, await storage().signedUrl(asset.path, UPLOAD_URL_TTL_SECONDS));
  }
  const built = buildNodeInput({
    node,
    model,
    handles: handlesOf(node, SAVE_CATALOG),
    edges: state.graph.edges,
    values: state.values,
    signed: (asset) => urls.get(asset.path) as string,
  });
  if (!built.ok) return { kind: "failed", error: built.message };
  const { input, files } = built.built;
  const key = built.built.key as string;
  if (!run.force.includes(node.id) && mayReuse(node)) {
    const reusable = await findReusable(tx, run.user_id, key);
    if (reusable) {
      state.values.set(node.id, reusable.value);
      return { kind: "reused", generationId: reusable.generationId, key };
    }
  }
  const wallet = await args.wallet();
  if (!wallet.active) return { kind: "failed", error: "This account is suspended." };
  const refused = await admissionRefusal(tx, run.user_id, model.id, runnable.limits);
  if (refused?.reason === "active_limit") return { kind: "wait" };
  if (refused) return { kind: "failed", error: refusal(refused, model).message };
  const price = runnable.price(input);
  const settled = Math.min(price, wallet.reserveLeft);
  if (price - settled > wallet.credits)
    return {
      kind: "failed",
      error: `Not enough credits: this step costs ${price} and the run has ${settled} left.`,
    };
  const parent = parents.map((p) => state.values.get(p)?.generationId).find(Boolean) ?? null;
  const estimated = state.nodes.get(node.id)?.estimated_credits ?? price;
  const [generation] = await tx<{ id: string }[]>`
    insert into generations (user_id, model_id, provider, kind, input, prompt, parent_generation_id, cost,
                             estimated_credits, charged_credits, flow_run_id, node_id, flow_node_key)
    values (${run.user_id}, ${model.id}, ${model.provider}, ${model.kind}, ${tx.json(input as never)},
            ${promptOf(input)}, ${parent}, ${price}, ${estimated}, ${price}, ${run.id}, ${node.id}, ${key})
    returning id`;
  if (!generation) throw new Error("generation insert returned no row");
  if (settled > 0)
    await tx`
      insert into credit_ledger (user_id, generation_id, flow_run_id, delta, reason, note)
      values (${run.user_id}, ${generation.id}, ${run.id}, ${settled}, 'flow_settle', ${`node ${node.id}`})`;
  if (price > 0)
    await tx`
      insert into credit_ledger (user_id, generation_id, delta, reason)
      values (${run.user_id}, ${generation.id}, ${-price}, 'charge')`;
  await recordInputs(
    tx,
    generation.id,
    files.map((f) => ({ ...f, slot: slotOf(f.param) })),
  );
  // Submitted by the engine once this transaction commits (advanceRun), the job its fallback.
  await enqueueSubmitFallback(tx, generation.id);
  wallet.credits -= price - settled;
  wallet.reserveLeft -= settled;
  return { kind: "started", generationId: generation.id, key, price, settled };
}
