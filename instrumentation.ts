// Runs once when a server process boots (`next start`, `next dev`), never during `next build`.
export async function register() {
  // The Node server only: nothing here applies to the edge runtime.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressHeader } = await import("./lib/auth/peer-address");
  installPeerAddressHeader();
  if (process.env.NODE_ENV !== "production") return;
  const { mode } = await import("./lib/env");
  const { exitUnlessMailDeliverable } = await import("./lib/mail/delivery-requirement");
  exitUnlessMailDeliverable(mode);
}
