import { estimateRequest } from "@/lib/contracts/flows";
import { requireOwnFlow } from "@/lib/flows/manage-flow";
import { FLOW_BODY_LIMIT, graphOf, parseOptionalJson } from "@/lib/flows/request-schemas";
import type { Estimate } from "@/lib/flows/run-types";
import { planFor } from "@/lib/flows/start-run";
import { withApiLogging } from "@/lib/with-api-logging";

// What a run would cost now: nodes that will reuse a finished result cost nothing. Prices the
// saved graph, or the one on screen when sent along.
export const POST = withApiLogging(
  { auth: "user", maxBodyBytes: FLOW_BODY_LIMIT },
  async ({ req, params, user }) => {
    const flow = await requireOwnFlow(String(params.id), user.id);
    const body = await parseOptionalJson(req, estimateRequest);
    const plan = await planFor(user.id, graphOf(body.graph) ?? flow.graph, body);
    const estimate: Estimate = {
      credits: plan.credits,
      nodes: plan.nodes.map((n) => ({
        node_id: n.node_id,
        credits: n.estimated_credits,
        ...(n.reused_from && { reused_from: n.reused_from }),
      })),
    };
    return Response.json(estimate);
  },
);

export * from "@/lib/api/method-fallbacks";
