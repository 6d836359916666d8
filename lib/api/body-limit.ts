// Request bodies are bounded before anything reads them: a declared Content-Length over the
// limit is refused at once, and the body stream itself is counted, so a chunked (or lying)
// body fails as soon as it passes the limit instead of being buffered whole (the stream is
// pulled, so bytes are read from the socket only as fast as the route consumes them). The route's
// `req.json()`, `req.text()` or `req.formData()` then throw BodyTooLargeError, which the API
// wrapper answers with 413.
import { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";

/** JSON bodies of ordinary routes: forms, settings, ids. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

export class BodyTooLargeError extends AppError {
  constructor(readonly limit: number) {
    super(
      "payload_too_large",
      `The request body is larger than the ${describeBytes(limit)} this endpoint accepts.`,
    );
    this.name = "BodyTooLargeError";
  }
}

/** Finds a BodyTooLargeError however the body reader wrapped it. */
export function asBodyTooLarge(error: unknown): BodyTooLargeError | null {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (current instanceof BodyTooLargeError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * Past the limit the rest of a body is still read and dropped, up to this much more, so an
 * ordinary client that sent too much reads our 413 instead of a reset connection (closing a
 * socket the client is still writing to resets it). Beyond this it is a flood: cut it off.
 */
const DRAIN_BYTES = 16 * 1024 * 1024;

const DRAIN_TIMEOUT_MS = 10_000;
const CUT_DELAY_MS = 5_000;

export type LimitedRequest = {
  req: NextRequest;
  /**
   * Reads and drops what the route left unread (up to DRAIN_BYTES), so the client finishes
   * sending and reads the response instead of a reset; call it before answering.
   */
  settle: () => Promise<void>;
};

/** The request with its body capped at `limit` bytes; throws at once when the declared length is over it. */
export function limitBody(req: NextRequest, limit: number): LimitedRequest {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw new BodyTooLargeError(limit);
  if (!req.body) return { req, settle: async () => {} };
  const capped = cappedStream(req.body, limit);
  // Built from parts: the request Next hands a route is a proxy that `new Request(req)` cannot
  // copy. `duplex` is required by Node for a streamed body but missing from the DOM typings.
  const init = {
    method: req.method,
    headers: req.headers,
    body: capped.stream,
    signal: req.signal,
    duplex: "half",
  };
  return {
    req: new NextRequest(req.url, init as ConstructorParameters<typeof NextRequest>[1]),
    settle: capped.settle,
  };
}

function cappedStream(source: ReadableStream<Uint8Array>, limit: number) {
  const reader = source.getReader();
  let received = 0;
  let open = true;
  let draining: Promise<void> | null = null;
  const drain = () => {
    open = false;
    draining ??= drainReader(reader, received + DRAIN_BYTES - Math.min(received, limit), received);
    return draining;
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        open = false;
        return controller.close();
      }
      received += value.byteLength;
      if (received <= limit) return controller.enqueue(value);
      controller.error(new BodyTooLargeError(limit));
      void drain();
    },
    cancel(reason) {
      open = false;
      return reader.cancel(reason);
    },
  });
  const settle = async () => {
    if (!open && !draining) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, DRAIN_TIMEOUT_MS);
    });
    await Promise.race([drain(), timeout]).finally(() => clearTimeout(timer));
  };
  return { stream, settle };
}

async function drainReader(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  stopAt: number,
  received: number,
) {
  try {
    while (received < stopAt) {
      const { done, value } = await reader.read();
      if (done) return;
      received += value.byteLength;
    }
    // A flood: let the response go out first, then cut the connection.
    setTimeout(() => void reader.cancel().catch(() => {}), CUT_DELAY_MS).unref();
  } catch {
    // The client went away: nothing left to drain.
  }
}

function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}
