import "server-only";
// The tus endpoint of local storage mode (app/api/uploads/tus), the stand-in for Supabase
// Storage's resumable endpoint: the same protocol, so the browser has one client. Uploads are
// written in place at their incoming object path under the storage root; the record of each
// (declared length) lives apart (lib/uploads/tus-config-store.ts). Every request carries its
// slot token as `x-signature`, checked by the route before anything here runs; the token is what
// names the upload's path and bounds its size, never the client's metadata.
import { FileStore } from "@tus/file-store";
import { Server } from "@tus/server";
import { sessionSecret } from "@/lib/env";
import { localFiles } from "@/lib/storage";
import { type SlotClaims, verifySlotToken } from "@/lib/uploads/slot-token";
import { createTusConfigStore } from "@/lib/uploads/tus-config-store";

export const LOCAL_TUS_PATH = "/api/uploads/tus";
export const SLOT_TOKEN_HEADER = "x-signature";

/** The verified slot of a tus request; the route has refused the request already when there is none. */
export function slotOf(req: Request): SlotClaims {
  const check = verifySlotToken(sessionSecret(), req.headers.get(SLOT_TOKEN_HEADER));
  if (!check.ok) throw { status_code: 401, body: "Invalid or expired upload token.\n" };
  return check.claims;
}

let server: Server | undefined;
let records: ReturnType<typeof createTusConfigStore> | undefined;

export function localTusRecords(): ReturnType<typeof createTusConfigStore> {
  records ??= createTusConfigStore(localFiles().root);
  return records;
}

export function localTusServer(): Server {
  server ??= new Server({
    path: LOCAL_TUS_PATH,
    datastore: new FileStore({ directory: localFiles().root, configstore: localTusRecords() }),
    namingFunction: (req) => slotOf(req).path,
    maxSize: (req) => slotOf(req).maxBytes,
    // The URL names the upload by its id; the token maps that id to the one path it may write.
    getFileIdFromRequest: (req, lastPath) => {
      const slot = slotOf(req);
      return lastPath === slot.uploadId ? slot.path : undefined;
    },
    generateUrl: (_req, { id }) => `${LOCAL_TUS_PATH}/${id.slice(id.lastIndexOf("/") + 1)}`,
    // Same-origin only: no CORS headers for anyone.
    allowedOrigins: () => false,
    disableTerminationForFinishedUploads: true,
  });
  return server;
}
