// The generations list's filters; every one is a query string parameter of the page and the API.
export const FILTER_KEYS = ["status", "provider", "model", "email", "from", "to"] as const;
export type GenerationFilter = Record<(typeof FILTER_KEYS)[number], string>;
