// One documented API operation. The OpenAPI document (lib/openapi/document.ts) is built from
// the list in operations.ts, and the API tests check every answer against the same entry.
import type { z } from "zod";
import type { ApiKeyScope } from "@/lib/api-keys/scopes";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** The error statuses an operation answers besides its own `errors`. */
export function impliedErrors(op: Pick<Operation, "auth" | "scope">): number[] {
  if (op.auth !== "user") return [];
  return op.scope ? [401, 403, 429] : [401, 403];
}

export type Operation = {
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/api/generations/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** `user`: a signed-in session cookie (or a bearer key where the route allows it). */
  auth: "none" | "user";
  /**
   * The scope a personal API key needs here (the route's `scope` option); without it the
   * operation takes a browser session only.
   */
  scope?: ApiKeyScope;
  query?: z.ZodObject;
  params?: z.ZodObject;
  body?: { schema: z.ZodType; contentType?: "application/json" | "multipart/form-data" };
  /** Successful answers by status; a missing schema means no JSON body (e.g. 204, a stream). */
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
  /**
   * Error statuses the route answers with the error shape. Implied by `auth: "user"`: 401, and
   * 403 (a cross-site request, or a key the route does not take); by `scope`: 429 (the key's rate limit).
   */
  errors: number[];
};
