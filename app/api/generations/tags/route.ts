import { listTags } from "@/lib/gallery/list-tags";
import { withApiLogging } from "@/lib/with-api-logging";

export const GET = withApiLogging({ auth: "user" }, async ({ user }) =>
  Response.json({ tags: await listTags(user.id) }),
);

export * from "@/lib/api/method-fallbacks";
