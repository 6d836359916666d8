// Schemas every contract shares: the one error shape, ids, timestamps. Plain zod, safe anywhere
// (routes, the browser, the OpenAPI document, the API tests' response check).
import { z } from "zod";
import { ERROR_CODES } from "@/lib/errors";

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).meta({ description: "Stable machine-readable code." }),
      message: z.string().meta({ description: "What went wrong, for people." }),
      field: z.string().optional().meta({ description: "The input at fault, as a dotted path." }),
    }),
  })
  .meta({ id: "Error" });

export const idSchema = z.uuid();
export const timestampSchema = z.string().meta({ description: "ISO 8601 date-time", format: "date-time" });
export const idParams = z.object({ id: idSchema });
