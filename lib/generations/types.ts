import type { GenerationStatus } from "@/lib/generations/status";
import type { MediaOutput } from "@/lib/media/types";
import type { ModelKind, ProviderId } from "@/lib/models-config";

export { GENERATION_STATUSES, type GenerationStatus } from "@/lib/generations/status";

/**
 * One stored output file as kept in `generations.outputs`: paths are storage object paths,
 * never URLs; `asset_id` / `thumb_asset_id` name its assets (absent only on rows that never
 * completed since assets exist, which have no outputs).
 */
export type StoredOutput = Omit<MediaOutput, "thumb" | "sha256" | "duration_seconds"> & {
  sha256?: string;
  asset_id?: string;
  thumb_asset_id?: string | null;
};

export type GenerationRow = {
  id: string;
  user_id: string;
  model_id: string;
  provider: ProviderId;
  kind: ModelKind;
  status: GenerationStatus;
  input: Record<string, unknown>;
  prompt: string | null;
  provider_job_id: string | null;
  outputs: StoredOutput[];
  error: string | null;
  cost: number;
  estimated_credits: number;
  charged_credits: number;
  provider_token_id: string | null;
  parent_generation_id: string | null;
  /** The session it belongs to (a `workspaces` row), if any. */
  workspace_id: string | null;
  starred: boolean;
  tags: string[];
  trashed_at: Date | null;
  created_at: Date;
  submitted_at: Date | null;
  completed_at: Date | null;
  updated_at: Date;
};

/** Most active generations one user may have at once (the product limits in README.md). */
export const MAX_ACTIVE_PER_USER = 5;
