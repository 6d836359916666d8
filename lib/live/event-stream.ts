import "server-only";
// One browser's server-sent event stream: the user's live events as they come, a comment every
// HEARTBEAT_MS so proxies and the browser see a live connection, and a resync as the first
// event when the browser says it was connected before (Last-Event-ID): nothing is replayed,
// it refetches what it shows. Ends, and leaves the hub, when the browser goes away.
import { type LiveHub, liveHub } from "./hub";
import { comment, eventFrame, preamble } from "./sse-format";

export const HEARTBEAT_MS = 25_000;
/** Unread bytes after which a stream counts as stuck and is closed (the browser reconnects). */
const MAX_UNREAD_BYTES = 64 * 1024;

export type EventStreamOptions = {
  userId: string;
  /** The browser had a stream before (it sent Last-Event-ID). */
  resume: boolean;
  /** Aborts when the client disconnects. */
  signal: AbortSignal;
  hub?: LiveHub;
  heartbeatMs?: number;
};

/** Throws AppError("rate_limited") past the per-user limit, before anything is sent. */
export function openEventStream(options: EventStreamOptions): ReadableStream<Uint8Array> {
  const { userId, resume, signal, hub = liveHub, heartbeatMs = HEARTBEAT_MS } = options;
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let closed = false;
  let heartbeat: NodeJS.Timeout | undefined;

  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    signal.removeEventListener("abort", close);
    try {
      controller?.close();
    } catch {
      // already closed or errored by the other side
    }
  };
  const write = (text: string) => {
    if (closed || !controller) return;
    if ((controller.desiredSize ?? 0) < -MAX_UNREAD_BYTES) return close();
    controller.enqueue(encoder.encode(text));
  };

  const unsubscribe = hub.subscribe(userId, { send: (id, event) => write(eventFrame(id, event)), close });
  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        write(preamble(hub.nextId()));
        if (resume) write(eventFrame(hub.nextId(), { type: "resync" }));
        heartbeat = setInterval(() => write(comment("heartbeat")), heartbeatMs);
      },
      cancel: close,
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 16 * 1024 }),
  );
  if (signal.aborted) close();
  else signal.addEventListener("abort", close);
  return stream;
}

export function eventStreamResponse(stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: a compressing proxy must not hold events back to fill a block.
      "Cache-Control": "no-cache, no-transform",
      // nginx passes the stream through instead of buffering it.
      "X-Accel-Buffering": "no",
      // The connection serves this stream only: when it ends (the server is stopping), the socket
      // closes with it instead of idling in keep-alive, which would hold up the shutdown.
      Connection: "close",
    },
  });
}
