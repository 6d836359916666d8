import { requireOwnRun } from "@/lib/flows/manage-run";
import { runView } from "@/lib/flows/run-view";
import { withApiLogging } from "@/lib/with-api-logging";

export const GET = withApiLogging({ auth: "user", scope: "flows:run" }, async ({ params, user }) =>
  Response.json(await runView(await requireOwnRun(String(params.id), String(params.runId), user.id))),
);

export * from "@/lib/api/method-fallbacks";
