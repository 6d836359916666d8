import { listEtag, listGenerationsBody, listQuerySchema } from "@/lib/generations/list-generations";
import { withApiLogging } from "@/lib/with-api-logging";

// The trash: the list's filters and paging, over trashed generations only.
export const GET = withApiLogging({ auth: "user" }, async ({ req, user }) => {
  const query = listQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const etag = listEtag(user, query, "trash");
  const headers = { etag, "cache-control": "private, no-cache" };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const body = await listGenerationsBody(user.id, query, { trashed: true });
  return new Response(body, { headers: { ...headers, "content-type": "application/json" } });
});

export * from "@/lib/api/method-fallbacks";
