import { apiRunRequest } from "@/lib/contracts/flows";
import { FLOW_BODY_LIMIT } from "@/lib/flows/request-schemas";
import { runWithInputs } from "@/lib/flows/run-by-api";
import { nudgeJobs } from "@/lib/jobs/nudge";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

// A saved flow run with just its inputs: accepted (202) once its price is reserved.
export const POST = withApiLogging(
  { auth: "user", scope: "flows:run", maxBodyBytes: FLOW_BODY_LIMIT },
  async ({ req, params, user, log }) => {
    const body = await parseJson(req, apiRunRequest);
    const { run, webhookSecret } = await runWithInputs({ userId: user.id, flowId: String(params.id), body });
    nudgeJobs(log);
    return Response.json(
      {
        id: run.id,
        status: run.status,
        estimated_credits: run.estimated_credits,
        version_id: run.version_id,
        ...(webhookSecret && { webhook_secret: webhookSecret }),
      },
      { status: 202 },
    );
  },
);

export * from "@/lib/api/method-fallbacks";
