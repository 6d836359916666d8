import { TUS_CHUNK_BYTES } from "@/lib/uploads/limits";
import { handleTusRequest } from "@/lib/uploads/tus-request";
import { withApiLogging } from "@/lib/with-api-logging";

// Local storage mode's tus endpoint: creates an upload. No session: the slot token in
// x-signature authorises it (lib/uploads/tus-request.ts).
export const POST = withApiLogging({ auth: "none", maxBodyBytes: TUS_CHUNK_BYTES }, ({ req }) =>
  handleTusRequest(req),
);

export * from "@/lib/api/method-fallbacks";
