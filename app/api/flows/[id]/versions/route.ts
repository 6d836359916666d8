import { versionRequest } from "@/lib/contracts/flows";
import { insertNamedVersion, listNamedVersions } from "@/lib/db/flows";
import { requireOwnFlow } from "@/lib/flows/manage-flow";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

export const GET = withApiLogging({ auth: "user" }, async ({ params, user }) => {
  const flow = await requireOwnFlow(String(params.id), user.id);
  const versions = await listNamedVersions(flow.id, user.id);
  return Response.json({ versions: versions.map((v) => ({ ...v, created_at: v.created_at.toISOString() })) });
});

// A named, immutable snapshot of the graph as saved now.
export const POST = withApiLogging({ auth: "user" }, async ({ req, params, user }) => {
  const flow = await requireOwnFlow(String(params.id), user.id);
  const { name } = await parseJson(req, versionRequest);
  const version = await insertNamedVersion(flow, name);
  return Response.json(
    { id: version.id, name: version.name, created_at: version.created_at.toISOString() },
    { status: 201 },
  );
});

export * from "@/lib/api/method-fallbacks";
