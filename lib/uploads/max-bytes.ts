import "server-only";
// The per-kind upload limits of this deployment, from the validated environment.
import { env } from "@/lib/env";
import { MB, type UploadKind } from "@/lib/uploads/limits";

export function maxUploadBytes(kind: UploadKind): number {
  if (kind === "image") return env.UPLOAD_MAX_IMAGE_MB * MB;
  throw new Error(`no upload limit for ${kind satisfies never}`);
}
