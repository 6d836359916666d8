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
      node_id: z
        .string()
        .nullable()
        .optional()
        .meta({ description: "Flows: the node at fault (`field` is then that node's field)." }),
      issues: z
        .array(
          z.object({
            node_id: z.string().nullable(),
            edge_id: z.string().optional(),
            field: z.string(),
            message: z.string(),
          }),
        )
        .optional()
        .meta({ description: "Flows: every problem of a refused graph, per node and field." }),
      estimate: z.number().int().optional().meta({ description: "402: what the request would cost." }),
      balance: z.number().int().optional().meta({ description: "402: the credits you have." }),
    }),
  })
  .meta({ id: "Error" });

export const idSchema = z.uuid();
export const timestampSchema = z.string().meta({ description: "ISO 8601 date-time", format: "date-time" });
export const idParams = z.object({ id: idSchema });
