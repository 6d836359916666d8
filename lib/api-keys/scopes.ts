// What a personal API key may do. A route names the one scope it needs (lib/with-api-logging.ts);
// routes that name none never accept a key. No server-only import: the profile page lists them.
export const API_KEY_SCOPES = ["generate", "read", "flows:run"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_KEY_SCOPE_INFO: Record<ApiKeyScope, { label: string; description: string }> = {
  generate: {
    label: "Generate",
    description: "Start, estimate and cancel generations; upload reference images.",
  },
  read: { label: "Read", description: "Read your generations, their outputs and the model catalog." },
  "flows:run": { label: "Run flows", description: "Run your saved flows." },
};

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}
