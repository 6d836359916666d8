import { estimateRequest } from "@/lib/contracts/generations";
import { estimateCredits } from "@/lib/generations/create-generation";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

// The price before submitting; create charges exactly this.
export const POST = withApiLogging({ auth: "user", scope: "generate" }, async ({ req, user }) => {
  const body = await parseJson(req, estimateRequest);
  return Response.json({ credits: await estimateCredits(body.model, body.input, user.id) });
});

export * from "@/lib/api/method-fallbacks";
