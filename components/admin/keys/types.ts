// The key pool API's shapes (app/api/admin/keys). Secrets never come back: only a hint.
export const KEY_PROVIDERS = [
  { id: "replicate", label: "Replicate" },
  { id: "fal", label: "fal.ai" },
  { id: "google", label: "Google (Gemini, Veo)" },
] as const;
export type KeyProvider = (typeof KEY_PROVIDERS)[number]["id"];

export type ProviderKey = {
  id: string;
  provider: KeyProvider;
  label: string;
  secret_hint: string;
  active: boolean;
  disabled_reason: string | null;
  request_count: number | string;
  error_count: number | string;
  last_used_at: string | null;
  last_error: string | null;
  cooldown_until: string | null;
  created_at: string;
};
