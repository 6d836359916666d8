import { buildOpenApiDocument } from "@/lib/openapi/document";
import { withApiLogging } from "@/lib/with-api-logging";

// Built once per process: the contracts are static.
let document: string | null = null;

export const GET = withApiLogging({ auth: "none" }, () => {
  document ??= JSON.stringify(buildOpenApiDocument());
  return new Response(document, {
    headers: { "content-type": "application/json", "cache-control": "public, max-age=300" },
  });
});

export * from "@/lib/api/method-fallbacks";
