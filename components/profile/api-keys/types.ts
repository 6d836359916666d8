import type { Wire } from "@/lib/api/wire";
import type { ApiKeySummary } from "@/lib/api-keys/manage";

export type ApiKeyRow = Wire<ApiKeySummary>;
