import { z } from "zod";
import { parseQuery } from "@/lib/admin/params";
import { searchUsers } from "@/lib/admin/users/search-users";
import { withApiLogging } from "@/lib/with-api-logging";

const querySchema = z.object({
  q: z.string().max(200, "q: at most 200 characters").optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export const GET = withApiLogging({ auth: "admin" }, async ({ req, user }) =>
  Response.json(await searchUsers(user, parseQuery(req, querySchema))),
);

export * from "@/lib/api/method-fallbacks";
