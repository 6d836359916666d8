import { inputSchemaQuery } from "@/lib/contracts/flows";
import { inputSchemaOf } from "@/lib/flows/run-by-api";
import { withApiLogging } from "@/lib/with-api-logging";

// What a run by API takes: the JSON Schema of the flow's exposed inputs.
export const GET = withApiLogging({ auth: "user", scope: "flows:run" }, async ({ req, params, user }) => {
  const query = inputSchemaQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
  return Response.json(await inputSchemaOf(user.id, String(params.id), query.version), {
    headers: { "cache-control": "private, no-cache" },
  });
});

export * from "@/lib/api/method-fallbacks";
