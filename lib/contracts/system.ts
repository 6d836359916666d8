// Health and the live event stream.
import { z } from "zod";

const liveSchema = z.enum(["sse", "realtime", "polling"]);

export const healthResponse = z.object({
  status: z.enum(["ok", "degraded"]),
  db: z.enum(["ok", "unreachable"]),
  mode: z.unknown(),
  live: liveSchema,
});
