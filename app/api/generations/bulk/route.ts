import { bulkSchema, bulkUpdateGenerations } from "@/lib/gallery/bulk-generations";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

// Star, tag, move, trash or restore many of the caller's generations; ids of anyone else's
// are skipped (and counted), never touched. 10,000 ids are about 400 KB of JSON.
export const POST = withApiLogging({ auth: "user", maxBodyBytes: 512 * 1024 }, async ({ req, user }) => {
  const body = await parseJson(req, bulkSchema);
  return Response.json(await bulkUpdateGenerations(user.id, body));
});

export * from "@/lib/api/method-fallbacks";
