import { duplicateFlow } from "@/lib/flows/manage-flow";
import { withApiLogging } from "@/lib/with-api-logging";

export const POST = withApiLogging({ auth: "user" }, async ({ params, user }) => {
  const copy = await duplicateFlow(String(params.id), user.id);
  return Response.json({ id: copy.id }, { status: 201 });
});

export * from "@/lib/api/method-fallbacks";
