import "server-only";
// Every route handler goes through this wrapper: request id, auth by level, structured
// request log, and error mapping to `{ "error": { "code", "message", "field"? } }`. A route cannot
// forget auth: the level is a required option. A personal API key (`Authorization: Bearer`)
// is accepted only by routes that name the scope it needs.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { ZodError } from "zod";
import { asBodyTooLarge, DEFAULT_BODY_LIMIT, type LimitedRequest, limitBody } from "@/lib/api/body-limit";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { authorizeApiKey, bearerToken } from "@/lib/api-keys/route-auth";
import type { ApiKeyScope } from "@/lib/api-keys/scopes";
import { getRequestUser, requireLevel } from "@/lib/auth";
import type { AuthUser } from "@/lib/auth/types";
import { AppError, type ErrorCode, isAppError } from "@/lib/errors";
import { createLogger, type Logger } from "@/lib/log";
import { withSessionResponseHeaders } from "@/lib/supabase/response-headers";

// "none": no session lookup at all (webhooks, signed files, cron); "public": the user if signed in.
type AuthLevel = "none" | "public" | "user" | "admin" | "super_admin";
type UserFor<L extends AuthLevel> = L extends "none" ? null : L extends "public" ? AuthUser | null : AuthUser;
type RouteParams = Record<string, string | string[] | undefined>;

export type ApiContext<L extends AuthLevel> = {
  req: NextRequest;
  params: RouteParams;
  user: UserFor<L>;
  /** The API key the request was made with; null for a browser session (or no one). */
  apiKey: { id: string; scopes: ApiKeyScope[] } | null;
  requestId: string;
  log: Logger;
};

type Handler<L extends AuthLevel> = (ctx: ApiContext<L>) => Promise<Response> | Response;

type RouteOptions<L extends AuthLevel> = {
  auth: L;
  /** Largest request body this route reads, in bytes (DEFAULT_BODY_LIMIT). */
  maxBodyBytes?: number;
  /**
   * The scope an API key needs to call this route. Without it the route takes sessions only;
   * admin routes and routes without a session never take keys.
   */
  scope?: L extends "user" | "public" ? ApiKeyScope : never;
};

export function withApiLogging<L extends AuthLevel>(options: RouteOptions<L>, handler: Handler<L>) {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_BODY_LIMIT;
  return async (incoming: NextRequest, segment?: { params?: Promise<RouteParams> }): Promise<Response> => {
    const requestId = incoming.headers.get("x-request-id") || randomUUID();
    const started = performance.now();
    const path = incoming.nextUrl.pathname;
    let log = createLogger({ requestId, method: incoming.method, path });
    let body: LimitedRequest | undefined;
    // A session refreshed while serving the request also marks its response uncacheable.
    const response = await withSessionResponseHeaders(async () => {
      try {
        const token = options.auth === "none" ? null : bearerToken(incoming);
        // Routes without a session (webhooks, cron, signed files) prove themselves by signature or
        // secret; every other state change must come from our own pages. A request that carries
        // a key and no cookie cannot ride anyone's session, so it needs no such check; one that
        // also carries cookies gets it all the same.
        if (options.auth !== "none" && !(token && !incoming.headers.has("cookie")))
          assertSameOrigin(incoming);
        body = limitBody(incoming, maxBodyBytes);
        const { req } = body;
        let user: AuthUser | null = null;
        let apiKey: ApiContext<L>["apiKey"] = null;
        if (token) {
          const caller = await authorizeApiKey(token, options);
          user = caller.user;
          apiKey = caller.key;
          log = log.child({ apiKeyId: apiKey.id });
        } else if (options.auth !== "none") {
          const sessionUser = await getRequestUser(req);
          user = options.auth === "public" ? sessionUser : requireLevel(sessionUser, options.auth);
        }
        if (user) log = log.child({ userId: user.id });
        const params = (await segment?.params) ?? {};
        return await handler({ req, params, user: user as UserFor<L>, apiKey, requestId, log });
      } catch (error) {
        if (isClientGone(error, incoming)) {
          // Nobody is left to answer (a reload or a closed tab mid-upload): not our fault.
          log.info("client closed the request", {
            reason: error instanceof Error ? error.message : String(error),
          });
          return new Response(null, { status: CLIENT_CLOSED_REQUEST });
        }
        return errorResponse(error, log);
      }
    });
    await body?.settle();
    response.headers.set("x-request-id", requestId);
    log.info("request", { status: response.status, durationMs: Math.round(performance.now() - started) });
    return response;
  };
}

/** The status logged for a request whose client left before its answer (nginx's convention). */
const CLIENT_CLOSED_REQUEST = 499;

/**
 * The request failed because its client left: Node's "aborted" reset while reading the body, or
 * any failure once the request's signal says the connection closed (a body reader may have
 * turned the reset into a 400 of its own by then).
 */
function isClientGone(error: unknown, req: Request): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return req.signal.aborted || (code === "ECONNRESET" && message === "aborted");
}

/**
 * The wire shape of every error: `message` is what people read, `code` (a stable name from
 * lib/errors.ts) and `field` (the input at fault, dotted) are for code.
 */
export type ErrorBody = {
  error: { code: ErrorCode; message: string; field?: string; [detail: string]: unknown };
};

export function errorBody(
  code: ErrorCode,
  message: string,
  field?: string,
  details?: Record<string, unknown>,
): ErrorBody {
  return { error: { ...details, code, message, ...(field && { field }) } };
}

export function errorResponse(error: unknown, log: Logger): Response {
  // Body readers may wrap the stream's error in their own.
  error = asBodyTooLarge(error) ?? error;
  if (isAppError(error)) {
    return Response.json(errorBody(error.code, error.message, error.field, error.details), {
      status: error.status,
      headers: error.headers,
    });
  }
  if (error instanceof ZodError) {
    const field = error.issues[0]?.path.join(".") || undefined;
    return Response.json(errorBody("bad_request", describeZodError(error), field), { status: 400 });
  }
  if (error instanceof SyntaxError && /JSON/i.test(error.message)) {
    return Response.json(errorBody("bad_request", "Request body must be valid JSON."), { status: 400 });
  }
  log.error("unhandled error", { error });
  return Response.json(errorBody("internal", "Something went wrong. Please try again."), { status: 500 });
}

export function describeZodError(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "Invalid request.";
  const field = issue.path.join(".");
  return field ? `${field}: ${issue.message}` : issue.message;
}

/** Parses a JSON body with a zod schema; bad JSON and schema errors become 400s. */
export async function parseJson<T>(req: Request, schema: { parse: (value: unknown) => T }): Promise<T> {
  let body: unknown;
  try {
    body = await req.json();
  } catch (error) {
    throw asBodyTooLarge(error) ?? new AppError("bad_request", "Request body must be valid JSON.");
  }
  return schema.parse(body);
}
