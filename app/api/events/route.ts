import { eventStreamResponse, openEventStream } from "@/lib/live/event-stream";
import { closeStreamsOnShutdown } from "@/lib/live/hub";
import { liveListener } from "@/lib/live/listener";
import { liveMode } from "@/lib/live/mode";
import type { LiveMode } from "@/lib/live/types";
import { type ErrorBody, errorBody, withApiLogging } from "@/lib/with-api-logging";

export const dynamic = "force-dynamic";

/** How long a new stream waits for the LISTEN connection, so "open" means "hearing changes". */
const LISTEN_WAIT_MS = 2_000;

// The signed-in user's live events as server-sent events (lib/live/event-stream.ts).
export const GET = withApiLogging({ auth: "user" }, async ({ req, user }) => {
  // No LISTEN through a transaction pooler or on Vercel: say so at once, and which channel to use.
  if (liveMode !== "sse") {
    const body: ErrorBody & { live: LiveMode } = {
      ...errorBody("live_unavailable", "Live updates are not served by this server."),
      live: liveMode,
    };
    return Response.json(body, { status: 404 });
  }
  closeStreamsOnShutdown();
  const stream = openEventStream({
    userId: user.id,
    resume: req.headers.has("last-event-id"),
    signal: req.signal,
  });
  await liveListener.ready(LISTEN_WAIT_MS);
  return eventStreamResponse(stream);
});

export * from "@/lib/api/method-fallbacks";
