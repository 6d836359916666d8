import "server-only";
// The engine's one step, under the run's row lock: take in how the run's generations ended,
// fail the nodes whose inputs failed, start every node whose inputs are all ready (as many as
// the user's active limit allows), and end the run once every node has ended. Run when a run
// starts (`flow.advance`) and whenever a generation ends (the `generation.ended` hook), never
// on a timer; safe to run any number of times. The nodes it started go to their providers as
// soon as the step commits, not through another job (lib/generations/submit-now.ts).
import type { TransactionSql } from "postgres";
import { sql } from "@/lib/db/client";
import { type FlowRunRow, lockRun, type RunNodeRow } from "@/lib/db/flow-runs";
import { finishRun } from "@/lib/flows/finish-run";
import { modelIdOf, type RunnableModel } from "@/lib/flows/plan-run";
import { loadRunState, parentsOf, type RunState } from "@/lib/flows/run-state";
import { isNodeEnded, type NodeStatus } from "@/lib/flows/run-types";
import { runnableModels } from "@/lib/flows/server-catalog";
import { startNode, type Wallet } from "@/lib/flows/start-node";
import { submitAllNow } from "@/lib/generations/submit-now";
import type { Logger } from "@/lib/log";

export const INPUT_FAILED = "Input failed.";

export async function advanceRun(runId: string, log: Logger): Promise<void> {
  const models = await runnableModels();
  const started = await sql.begin(async (tx) => {
    const run = await lockRun(tx, runId);
    if (run?.status !== "running") return [];
    const state = await loadRunState(tx, run);
    const step = new Step(tx, run, state, models);
    await step.takeInEnds();
    await step.moveOn();
    await step.save();
    return step.started;
  });
  if (started.length === 0) return;
  log.info("flow run advanced", { runId, started: started.length });
  await submitAllNow(started, log);
}

class Step {
  /** The generations of the nodes this step started. */
  readonly started: string[] = [];
  private changed = false;
  private wallet: Wallet | null = null;

  constructor(
    private readonly tx: TransactionSql,
    private readonly run: FlowRunRow,
    private readonly state: RunState,
    private readonly models: (id: string) => RunnableModel | undefined,
  ) {}

  /** Running nodes whose generation has ended take its outcome. */
  async takeInEnds(): Promise<void> {
    for (const row of this.state.nodes.values()) {
      if (row.status !== "running") continue;
      const g = row.generation_id ? this.state.generations.get(row.generation_id) : undefined;
      if (!g) await this.set(row, { status: "failed", error: "Its generation was deleted.", credits: 0 });
      else if (g.status === "completed") await this.set(row, { status: "done" });
      else if (g.status === "failed")
        await this.set(row, { status: "failed", error: g.error ?? "Failed.", credits: 0 });
      else if (g.status === "canceled") await this.set(row, { status: "canceled", credits: 0 });
    }
  }

  /** In dependency order, so a failure reaches every descendant in one pass. */
  async moveOn(): Promise<void> {
    let slotsFull = false;
    for (const id of this.state.order) {
      const row = this.state.nodes.get(id) as RunNodeRow;
      if (row.status !== "queued") continue;
      const parents = parentsOf(this.state, id).map((p) => this.state.nodes.get(p)?.status);
      if (parents.some((s) => s === "failed" || s === "canceled")) {
        await this.set(row, { status: "failed", error: INPUT_FAILED });
        continue;
      }
      if (!parents.every((s) => s === "done" || s === "reused")) continue;
      const node = this.state.byId.get(id);
      if (node?.type !== "generate" && node?.type !== "llm") {
        await this.set(row, { status: "done" });
        continue;
      }
      if (slotsFull) continue;
      const start = await startNode({
        tx: this.tx,
        run: this.run,
        state: this.state,
        node,
        runnable: this.models(modelIdOf(node)),
        wallet: () => this.lockWallet(),
      });
      if (start.kind === "wait") slotsFull = true;
      else if (start.kind === "failed") await this.set(row, { status: "failed", error: start.error });
      else if (start.kind === "reused")
        await this.set(row, {
          status: "reused",
          key: start.key,
          generation_id: start.generationId,
          reused_from: start.generationId,
        });
      else {
        this.started.push(start.generationId);
        await this.set(row, {
          status: "running",
          key: start.key,
          generation_id: start.generationId,
          credits: start.price,
        });
      }
    }
  }

  async save(): Promise<void> {
    const reserveLeft = this.wallet?.reserveLeft ?? this.run.reserve_left;
    if ([...this.state.nodes.values()].every((n) => isNodeEnded(n.status))) {
      const failed = [...this.state.nodes.values()].some(
        (n) => n.status === "failed" || n.status === "canceled",
      );
      await finishRun(this.tx, { ...this.run, reserve_left: reserveLeft }, failed ? "failed" : "completed");
    } else if (this.changed)
      await this
        .tx`update flow_runs set reserve_left = ${reserveLeft}, revision = revision + 1, updated_at = now() where id = ${this.run.id}`;
  }

  private async lockWallet(): Promise<Wallet> {
    if (!this.wallet) {
      const [owner] = await this.tx<{ credits: number; status: string }[]>`
        select credits, status from profiles where id = ${this.run.user_id} for update`;
      this.wallet = {
        credits: owner?.credits ?? 0,
        reserveLeft: this.run.reserve_left,
        active: owner?.status === "active",
      };
    }
    return this.wallet;
  }

  private async set(row: RunNodeRow, change: Partial<RunNodeRow> & { status: NodeStatus }): Promise<void> {
    Object.assign(row, change);
    this.changed = true;
    const ended = isNodeEnded(change.status);
    await this.tx`
      update flow_run_nodes set status = ${row.status}, error = ${row.error}, key = ${row.key},
        generation_id = ${row.generation_id}, reused_from = ${row.reused_from}, credits = ${row.credits},
        started_at = ${change.status === "running" ? this.tx`now()` : this.tx`started_at`},
        ended_at = ${ended ? this.tx`now()` : this.tx`null`}
      where run_id = ${row.run_id} and node_id = ${row.node_id}`;
  }
}
