import { updateSessionSchema } from "@/lib/contracts/sessions";
import { readSession, updateSession } from "@/lib/sessions/manage-session";
import { sessionGraph } from "@/lib/sessions/session-graph";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

// One of the caller's sessions with its generations and their input edges; rename or archive it.
export const GET = withApiLogging({ auth: "user" }, async ({ params, user }) => {
  const session = await readSession(user.id, String(params.id));
  return Response.json({ ...session, ...(await sessionGraph(user.id, session.id)) });
});

export const PATCH = withApiLogging({ auth: "user" }, async ({ req, params, user }) => {
  const body = await parseJson(req, updateSessionSchema);
  return Response.json(await updateSession(user.id, String(params.id), body));
});

export * from "@/lib/api/method-fallbacks";
