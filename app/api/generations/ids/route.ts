import { matchingIdsQuery as scopeSchema } from "@/lib/contracts/gallery";
import { listMatchingIds, listQuerySchema } from "@/lib/generations/list-generations";
import { withApiLogging } from "@/lib/with-api-logging";

// "Select all matching": the ids of everything the list's filters match, up to one bulk action.
export const GET = withApiLogging({ auth: "user" }, async ({ req, user }) => {
  const params = Object.fromEntries(req.nextUrl.searchParams);
  const { in: scope } = scopeSchema.parse({ in: params.in });
  const { in: _scope, ...rest } = params;
  const query = listQuerySchema.parse(rest);
  return Response.json(await listMatchingIds(user.id, query, { trashed: scope === "trash" }));
});

export * from "@/lib/api/method-fallbacks";
