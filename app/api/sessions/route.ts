import { createSessionSchema, listSessionsSchema } from "@/lib/contracts/sessions";
import { listSessions } from "@/lib/sessions/list-sessions";
import { createSession } from "@/lib/sessions/manage-session";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

// The caller's sessions (search, sort, archived or not), and starting an empty one.
export const GET = withApiLogging({ auth: "user" }, async ({ req, user }) => {
  const query = listSessionsSchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  return Response.json(await listSessions(user.id, query), {
    headers: { "cache-control": "private, no-cache" },
  });
});

export const POST = withApiLogging({ auth: "user" }, async ({ req, user }) => {
  const body = await parseJson(req, createSessionSchema);
  return Response.json(await createSession(user.id, body.title), { status: 201 });
});

export * from "@/lib/api/method-fallbacks";
