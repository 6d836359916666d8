import { z } from "zod";
import { refundGeneration } from "@/lib/admin/generations/refund-generation";
import { uuidParam } from "@/lib/admin/params";
import { withApiLogging } from "@/lib/with-api-logging";

const bodySchema = z.object({ note: z.string().trim().max(500).optional() }).default({});

export const POST = withApiLogging({ auth: "admin" }, async ({ req, params, user }) => {
  const generationId = uuidParam(params);
  // The body is optional: an empty one means "no note".
  const text = await req.text();
  const { note } = bodySchema.parse(text.trim() ? JSON.parse(text) : undefined);
  return Response.json(await refundGeneration(user, { generationId, note }));
});

export * from "@/lib/api/method-fallbacks";
