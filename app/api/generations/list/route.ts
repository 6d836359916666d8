import { listEtag, listGenerationsBody, listQuerySchema } from "@/lib/generations/list-generations";
import { withApiLogging } from "@/lib/with-api-logging";

// Polled every few seconds by every open tab: an unchanged list costs the session read and a 304.
export const GET = withApiLogging({ auth: "user", scope: "read" }, async ({ req, user }) => {
  const query = listQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const etag = listEtag(user, query);
  const headers = { etag, "cache-control": "private, no-cache" };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const body = await listGenerationsBody(user.id, query);
  return new Response(body, { headers: { ...headers, "content-type": "application/json" } });
});

export * from "@/lib/api/method-fallbacks";
