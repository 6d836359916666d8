import "server-only";
// The local tus endpoint's door (app/api/uploads/tus): no session, the slot token is the whole
// authorisation. It is checked here, before the tus server reads a byte: missing, forged or
// expired → 401; a token for another upload than the URL names → 403. A new upload must
// declare its length (checked against the slot's limit) and its slot must still be open.
import type { NextRequest } from "next/server";
import { mode, sessionSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { localTusServer, SLOT_TOKEN_HEADER } from "@/lib/uploads/local-tus";
import { verifySlotToken } from "@/lib/uploads/slot-token";
import { isUploadOpen } from "@/lib/uploads/upload-rows";

export async function handleTusRequest(req: NextRequest, uploadId?: string): Promise<Response> {
  if (mode.storage !== "local")
    throw new AppError("not_found", "Uploads go straight to Supabase Storage in this deployment.");
  const check = verifySlotToken(sessionSecret(), req.headers.get(SLOT_TOKEN_HEADER));
  if (!check.ok)
    throw new AppError(
      "unauthorized",
      check.reason === "expired"
        ? "The upload token has expired: ask for a new upload slot."
        : `Send the upload slot's token in ${SLOT_TOKEN_HEADER}.`,
    );
  const slot = check.claims;
  if (uploadId !== undefined && uploadId !== slot.uploadId)
    throw new AppError("forbidden", "This upload token belongs to another upload.");
  if (req.method === "POST") {
    if (req.headers.get("upload-length") === null)
      throw new AppError("bad_request", "Declare the file's size in Upload-Length.");
    if (!(await isUploadOpen(slot.uploadId, slot.userId)))
      throw new AppError("conflict", "This upload slot is used up, completed or expired.");
  }
  return localTusServer().handleWeb(req);
}
