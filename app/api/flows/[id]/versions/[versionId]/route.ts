import { getVersionForUser } from "@/lib/db/flows";
import { AppError } from "@/lib/errors";
import { imagePreviews } from "@/lib/flows/image-previews";
import { isUuid, requireOwnFlow } from "@/lib/flows/manage-flow";
import { withApiLogging } from "@/lib/with-api-logging";

// A version as it was: what a run ran, read-only.
export const GET = withApiLogging({ auth: "user" }, async ({ params, user }) => {
  const flow = await requireOwnFlow(String(params.id), user.id);
  const id = String(params.versionId);
  const version = isUuid(id) ? await getVersionForUser(id, flow.id, user.id) : null;
  if (!version) throw new AppError("not_found", "Version not found.");
  return Response.json({
    ...version,
    created_at: version.created_at.toISOString(),
    images: await imagePreviews(user.id, version.graph),
  });
});

export * from "@/lib/api/method-fallbacks";
