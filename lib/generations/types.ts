import type { GenerationStatus, ProviderStatus } from "@/lib/generations/status";
import type { MediaOutput } from "@/lib/media/types";
import type { ModelKind, ProviderId } from "@/lib/models-config";

export { GENERATION_STATUSES, type GenerationStatus } from "@/lib/generations/status";

/**
 * One stored output file as kept in `generations.outputs`: paths are storage object paths,
 * never URLs; `asset_id` / `thumb_asset_id` name its assets (absent only on rows that never
 * completed since assets exist, which have no outputs).
 */
export type StoredOutput = Omit<MediaOutput, "thumb" | "sha256" | "duration_seconds" | "last_frame"> & {
  sha256?: string;
  asset_id?: string;
  thumb_asset_id?: string | null;
  /** A video's length; absent on rows stored before it was kept here (the asset has it). */
  duration_seconds?: number | null;
  /** A video's last frame (asset role `frame`); absent for images and videos without stills. */
  last_frame_path?: string | null;
  last_frame_asset_id?: string | null;
};

/** Every object an output stored: the file, its thumbnail (a video's poster) and a video's last frame. */
export function outputObjectPaths(output: StoredOutput): string[] {
  return [output.path, output.thumb_path, output.last_frame_path].filter((p): p is string => Boolean(p));
}

export type GenerationRow = {
  id: string;
  user_id: string;
  model_id: string;
  provider: ProviderId;
  kind: ModelKind;
  status: GenerationStatus;
  /** What the provider last said about the running job (lifecycle.ts recordProgress). */
  provider_status: ProviderStatus | null;
  started_at: Date | null;
  progress: number | null;
  latest_log: string | null;
  log_position: number;
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
  /** The flow run and node that made it, and the node's content key (lib/flows/node-key.ts). */
  flow_run_id: string | null;
  node_id: string | null;
  flow_node_key: string | null;
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
