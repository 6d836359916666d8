import "server-only";
// Step one of a direct upload: the browser names a file (name, size, declared type) and gets a
// slot, the one incoming object path it may write, how big it may be, and what its tus client
// needs to send the bytes straight to storage: Supabase Storage's resumable endpoint with a
// signed upload token, or the app's own tus endpoint in local mode with an HMAC slot token.
// The bytes never pass through the app server, so no request body limit applies to them.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { uploadSlotRequest } from "@/lib/contracts/uploads";
import { env, mode, sessionSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createSignedUploadToken, SIGNED_UPLOAD_TTL_SECONDS } from "@/lib/storage/supabase-uploads";
import { supabaseAdmin } from "@/lib/supabase/admin";
import { incomingPath } from "@/lib/uploads/incoming";
import {
  describeBytes,
  IMAGE_TYPES,
  MAX_OPEN_UPLOADS,
  TUS_CHUNK_BYTES,
  type UploadKind,
  type UploadSlot,
} from "@/lib/uploads/limits";
import { LOCAL_TUS_PATH, SLOT_TOKEN_HEADER } from "@/lib/uploads/local-tus";
import { maxUploadBytes } from "@/lib/uploads/max-bytes";
import { signSlotToken } from "@/lib/uploads/slot-token";
import { insertUpload } from "@/lib/uploads/upload-rows";

export type SlotRequest = z.infer<typeof uploadSlotRequest>;

const FIELD = { field: "files" };

/** The kind a declared type asks for; an empty type is allowed (the bytes decide at completion). */
function kindOf(request: SlotRequest): UploadKind {
  const type = request.type.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "" || (IMAGE_TYPES as readonly string[]).includes(type)) return "image";
  throw new AppError(
    "unsupported_media_type",
    `${request.name}: ${type} files are not accepted; upload a PNG, JPEG, WebP, GIF or AVIF image`,
    FIELD,
  );
}

export async function createUploadSlot(userId: string, request: SlotRequest): Promise<UploadSlot> {
  const kind = kindOf(request);
  const maxBytes = maxUploadBytes(kind);
  if (request.size > maxBytes)
    throw new AppError("payload_too_large", `${request.name}: larger than ${describeBytes(maxBytes)}`, FIELD);

  const id = randomUUID();
  const path = incomingPath(userId, id);
  const expiresAt = new Date(Date.now() + SIGNED_UPLOAD_TTL_SECONDS * 1000);
  const inserted = await insertUpload({
    id,
    userId,
    kind,
    name: request.name,
    declaredType: request.type,
    declaredBytes: request.size,
    maxBytes,
    incomingPath: path,
    expiresAt,
  });
  if (!inserted)
    throw new AppError(
      "rate_limited",
      `You have ${MAX_OPEN_UPLOADS} uploads in progress. Finish or cancel some, then try again.`,
      FIELD,
    );

  const declared = (IMAGE_TYPES as readonly string[]).includes(request.type) ? request.type : "";
  const tus =
    mode.storage === "supabase"
      ? await supabaseTarget(path, declared)
      : localTarget({
          uploadId: id,
          userId,
          path,
          maxBytes,
          expiresAt: Math.floor(expiresAt.getTime() / 1000),
        });
  return {
    id,
    kind,
    path,
    maxBytes,
    expiresAt: expiresAt.toISOString(),
    completeUrl: `/api/uploads/${id}/complete`,
    tus: { ...tus, chunkSize: TUS_CHUNK_BYTES },
  };
}

async function supabaseTarget(path: string, declaredType: string) {
  const base = (env.NEXT_PUBLIC_SUPABASE_URL ?? "").replace(/\/+$/, "");
  const bucket = env.SUPABASE_STORAGE_BUCKET;
  const token = await createSignedUploadToken(supabaseAdmin(), bucket, path);
  const headers: Record<string, string> = { "x-signature": token };
  if (env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY) headers.apikey = env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY;
  return {
    endpoint: `${base}/storage/v1/upload/resumable/sign`,
    headers,
    // Storage takes the object's path from the metadata and checks it against the token.
    metadata: {
      bucketName: bucket,
      objectName: path,
      contentType: declaredType || "application/octet-stream",
      cacheControl: "3600",
    },
  };
}

function localTarget(claims: Parameters<typeof signSlotToken>[1]) {
  const base = (env.APP_URL ?? "").replace(/\/+$/, "");
  return {
    endpoint: `${base}${LOCAL_TUS_PATH}`,
    headers: { [SLOT_TOKEN_HEADER]: signSlotToken(sessionSecret(), claims) },
    metadata: { objectName: claims.path },
  };
}
