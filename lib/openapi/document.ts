// The OpenAPI 3.1 document, generated from the contracts (lib/contracts/operations.ts) so the
// description cannot drift from the schemas the routes parse with.
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { errorBodySchema } from "@/lib/contracts/common";
import { impliedErrors, type Operation } from "@/lib/contracts/operation";
import { operations } from "@/lib/contracts/operations";

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Bad input; `error.field` names the input at fault",
  401: "Not signed in",
  402: "Not enough credits",
  403: "Not allowed: a cross-site request, an API key this operation does not take, or one without its scope",
  404: "Not found (or not yours)",
  409: "Conflicts with the current state",
  413: "Too large",
  415: "Unsupported media type",
  422: "Well-formed but not acceptable",
  429: "Too many requests (with an API key: its per-minute limit); see Retry-After",
  503: "Temporarily unavailable",
};

function operationObject(op: Operation): ZodOpenApiOperationObject {
  const responses: ZodOpenApiOperationObject["responses"] = {};
  for (const [status, response] of Object.entries(op.responses)) {
    const contentType = response.contentType ?? "application/json";
    responses[status as `2${string}`] = {
      description: response.description,
      ...(response.schema && { content: { [contentType]: { schema: response.schema } } }),
      ...(!response.schema && contentType !== "application/json" && { content: { [contentType]: {} } }),
    };
  }
  const errors = new Set([...impliedErrors(op), ...op.errors]);
  for (const status of [...errors].sort()) {
    responses[`${status}` as `4${string}`] = {
      description: ERROR_DESCRIPTIONS[status] ?? "Error",
      content: { "application/json": { schema: errorBodySchema } },
    };
  }
  return {
    summary: op.summary,
    ...(op.scope && {
      description: `Also callable with a personal API key that has the \`${op.scope}\` scope.`,
    }),
    tags: [op.tag],
    security:
      op.auth !== "user" ? [] : op.scope ? [{ session: [] }, { apiKey: [op.scope] }] : [{ session: [] }],
    ...((op.query || op.params) && {
      requestParams: { ...(op.query && { query: op.query }), ...(op.params && { path: op.params }) },
    }),
    ...(op.body && {
      requestBody: {
        required: true,
        content: { [op.body.contentType ?? "application/json"]: { schema: op.body.schema } },
      },
    }),
    responses,
  };
}

export function buildOpenApiDocument(serverUrl?: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of operations) {
    paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Atelier API",
      version: "1",
      description:
        "Generate images and videos with any model of the catalog. Errors always answer " +
        "`{ error: { code, message, field? } }`.",
    },
    ...(serverUrl && { servers: [{ url: serverUrl }] }),
    components: {
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "atelier_session",
          description: "A signed-in browser session.",
        },
        apiKey: {
          type: "http",
          scheme: "bearer",
          description:
            "A personal API key (`atk_…`, made on /profile) in `Authorization: Bearer`. It works only " +
            "on operations that name a scope it holds (`generate`, `read`, `flows:run`), never on admin routes.",
        },
      },
    },
    paths,
  });
}
