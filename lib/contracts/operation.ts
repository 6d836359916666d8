// One documented API operation. The OpenAPI document (lib/openapi/document.ts) is built from
// the list in operations.ts, and the API tests check every answer against the same entry.
import type { z } from "zod";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export type Operation = {
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/api/generations/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** `user`: a signed-in session cookie (or a bearer key where the route allows it). */
  auth: "none" | "user";
  query?: z.ZodObject;
  params?: z.ZodObject;
  body?: { schema: z.ZodType; contentType?: "application/json" | "multipart/form-data" };
  /** Successful answers by status; a missing schema means no JSON body (e.g. 204, a stream). */
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
  /** Error statuses the route answers with the error shape (401 is implied by `auth: "user"`). */
  errors: number[];
};
