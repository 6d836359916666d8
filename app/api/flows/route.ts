import { createFlowRequest } from "@/lib/contracts/flows";
import { AppError } from "@/lib/errors";
import { listFlows } from "@/lib/flows/list-flows";
import { createFlow } from "@/lib/flows/manage-flow";
import { FLOW_BODY_LIMIT, graphOf } from "@/lib/flows/request-schemas";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

export const GET = withApiLogging({ auth: "user" }, async ({ user }) =>
  Response.json({ flows: await listFlows(user.id) }),
);

// `{ name?, graph? }` or `{ name?, template }` (GET /api/flow-templates lists them).
export const POST = withApiLogging({ auth: "user", maxBodyBytes: FLOW_BODY_LIMIT }, async ({ req, user }) => {
  const body = await parseJson(req, createFlowRequest);
  if (body.graph !== undefined && body.template !== undefined)
    throw new AppError("bad_request", "Send a graph or a template, not both.", { field: "template" });
  const flow = await createFlow({
    userId: user.id,
    name: body.name,
    graph: graphOf(body.graph),
    template: body.template,
  });
  return Response.json({ id: flow.id }, { status: 201 });
});

export * from "@/lib/api/method-fallbacks";
