import { TUS_CHUNK_BYTES } from "@/lib/uploads/limits";
import { handleTusRequest } from "@/lib/uploads/tus-request";
import { withApiLogging } from "@/lib/with-api-logging";

// One local tus upload: HEAD tells the offset to resume from, PATCH appends one chunk (at most
// TUS_CHUNK_BYTES per request), DELETE abandons it. The slot token in x-signature authorises each.
const tus = withApiLogging({ auth: "none", maxBodyBytes: TUS_CHUNK_BYTES }, ({ req, params }) =>
  handleTusRequest(req, String(params.id)),
);

export const HEAD = tus;
export const PATCH = tus;
export const DELETE = tus;

export * from "@/lib/api/method-fallbacks";
