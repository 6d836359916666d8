import { patchFlowRequest } from "@/lib/contracts/flows";
import { imagePreviews } from "@/lib/flows/image-previews";
import { deleteFlow, requireOwnFlow, saveFlow } from "@/lib/flows/manage-flow";
import { FLOW_BODY_LIMIT, graphOf } from "@/lib/flows/request-schemas";
import { serializeFlow } from "@/lib/flows/serialize-flow";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

export const GET = withApiLogging({ auth: "user" }, async ({ params, user }) => {
  const flow = await requireOwnFlow(String(params.id), user.id);
  return Response.json({ ...serializeFlow(flow), images: await imagePreviews(user.id, flow.graph) });
});

export const PATCH = withApiLogging(
  { auth: "user", maxBodyBytes: FLOW_BODY_LIMIT },
  async ({ req, params, user }) => {
    const body = await parseJson(req, patchFlowRequest);
    const saved = await saveFlow(String(params.id), user.id, {
      name: body.name,
      graph: graphOf(body.graph),
      revision: body.revision,
    });
    return Response.json(serializeFlow(saved));
  },
);

export const DELETE = withApiLogging({ auth: "user" }, async ({ params, user, log }) => {
  await deleteFlow(String(params.id), user.id, log);
  return new Response(null, { status: 204 });
});

export * from "@/lib/api/method-fallbacks";
