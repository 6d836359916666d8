import { z } from "zod";
import { estimateCredits } from "@/lib/generations/create-generation";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

const bodySchema = z.object({
  model: z.string({ error: "model is required" }).min(1, "model is required"),
  input: z.record(z.string(), z.unknown()).default({}),
});

// The price before submitting; create charges exactly this.
export const POST = withApiLogging({ auth: "user" }, async ({ req, user }) => {
  const body = await parseJson(req, bodySchema);
  return Response.json({ credits: await estimateCredits(body.model, body.input, user.id) });
});

export * from "@/lib/api/method-fallbacks";
