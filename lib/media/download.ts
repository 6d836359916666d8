// The one downloader for every URL the server reads, provider outputs and pasted inputs alike,
// guarded against SSRF and memory blow-ups: only http(s) without credentials; every host, the
// first and each redirect hop, admitted by a HostPolicy (lib/net/host-policy.ts: an allow-list
// for provider outputs, public addresses only for pasted URLs, connected to the vetted address)
// before anything is sent to it; redirects followed by hand, at most 3; a byte cap checked
// against Content-Length up front and counted while streaming (chunked bodies too); one
// deadline for the whole transfer, DNS included; and a content type decided by the first bytes,
// never by headers.
import { Readable } from "node:stream";
import { SNIFF_BYTES, sniffMediaType } from "@/lib/media/sniff";
import { formatBytes, MediaError, type MediaKind, type SniffedType } from "@/lib/media/types";
import {
  type GuardedResponse,
  HostNotAllowedError,
  type HostPolicy,
  openHostGuard,
} from "@/lib/net/host-policy";
import { AddressRefusedError, UnresolvedHostError } from "@/lib/net/vetted-addresses";

export type { HostPolicy } from "@/lib/net/host-policy";

export const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export type DownloadOptions = {
  /** Which hosts may be contacted: the output allow-list, or public addresses only. */
  policy: HostPolicy;
  maxBytes: number;
  /** Deadline for the whole download, DNS, headers and body. */
  timeoutMs: number;
  /** Sent to the first origin only; dropped as soon as a redirect leaves it. */
  headers?: Record<string, string>;
  /** When set, bytes of the other kind are refused as unsupported. */
  kind?: MediaKind;
};

export type MediaDownload = {
  type: SniffedType;
  /** Declared length, already checked against maxBytes; null when the body is chunked. */
  contentLength: number | null;
  /** The host the body comes from (after redirects), for logs and messages. */
  host: string;
  /**
   * The body, sniffed bytes included, as a byte stream. It errors with a MediaError past maxBytes
   * or at the deadline; destroying it aborts the request.
   */
  body: Readable;
};

export async function openMediaDownload(url: string, options: DownloadOptions): Promise<MediaDownload> {
  const { maxBytes, timeoutMs, kind } = options;
  let current = parseMediaUrl(url);
  let host = current.hostname;
  let headers = options.headers;

  const guard = openHostGuard(options.policy);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(timeoutError(host, timeoutMs));
  }, timeoutMs);
  // Ends the attempt: stops the clock, aborts the request, returns the error to throw.
  const failure = (error: unknown): MediaError => {
    clearTimeout(timer);
    controller.abort();
    guard.close();
    return timedOut ? timeoutError(host, timeoutMs) : toMediaError(error, host);
  };

  let response: GuardedResponse;
  for (let hop = 0; ; hop++) {
    host = current.hostname;
    try {
      await guard.admit(current, controller.signal);
    } catch (error) {
      throw failure(refusalError(error, host, hop));
    }
    try {
      response = await guard.get(current, { signal: controller.signal, headers });
    } catch (error) {
      throw failure(error);
    }
    if (!REDIRECT_STATUSES.has(response.status)) break;

    response.body.destroy();
    const location = response.header("location");
    if (!location)
      throw failure(
        new MediaError("http_error", `The media host ${host} sent a redirect without a location.`),
      );
    if (hop >= MAX_REDIRECTS)
      throw failure(
        new MediaError(
          "too_many_redirects",
          `The media download was redirected more than ${MAX_REDIRECTS} times.`,
        ),
      );
    let next: URL;
    try {
      next = parseMediaUrl(location, current);
    } catch (error) {
      throw failure(error);
    }
    // Credentials meant for one origin (an API key header) never follow a redirect elsewhere.
    if (next.origin !== current.origin) headers = undefined;
    current = next;
  }

  const cancelBody = () => response.body.destroy();
  if (response.status < 200 || response.status > 299) {
    cancelBody();
    throw failure(
      new MediaError("http_error", `Downloading media from ${host} failed with HTTP ${response.status}.`),
    );
  }
  const declared = parseContentLength(response.header("content-length"));
  if (declared !== null && declared > maxBytes) {
    cancelBody();
    throw failure(tooLargeError(host, maxBytes));
  }

  // Read just enough to sniff; the rest keeps streaming through the same iterator.
  const source = response.body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let received = 0;
  const head: Buffer[] = [];
  let finished = false;
  try {
    while (received < SNIFF_BYTES) {
      const { done, value } = await source.next();
      if (done) {
        finished = true;
        break;
      }
      received += value.byteLength;
      if (received > maxBytes) throw tooLargeError(host, maxBytes);
      head.push(value);
    }
  } catch (error) {
    cancelBody();
    throw failure(error);
  }
  const first = Buffer.concat(head);
  if (first.byteLength === 0) throw failure(emptyError(host));
  const type = sniffMediaType(first);
  if (!type || (kind && type.kind !== kind)) {
    cancelBody();
    const declaredType = response.header("content-type")?.split(";")[0]?.trim();
    const what = type ? type.mime : declaredType ? `declared as ${declaredType}` : "of unknown type";
    throw failure(
      new MediaError(
        "unsupported_type",
        kind
          ? `The file from ${host} (${what}) is not a supported ${kind}.`
          : `The file from ${host} (${what}) is not a supported image or video.`,
      ),
    );
  }

  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      yield first;
      while (!finished) {
        const { done, value } = await source.next();
        if (done) {
          finished = true;
          return;
        }
        received += value.byteLength;
        if (received > maxBytes) throw tooLargeError(host, maxBytes);
        yield value;
      }
    } catch (error) {
      throw timedOut ? timeoutError(host, timeoutMs) : toMediaError(error, host);
    } finally {
      clearTimeout(timer);
      if (!finished) {
        controller.abort();
        cancelBody();
      }
      guard.close();
    }
  }

  const body = Readable.from(chunks(), { objectMode: false });
  // A consumer that gives up (destroy) may find the generator parked in a read: abort the
  // request so it wakes up now instead of at the deadline.
  body.once("close", () => {
    clearTimeout(timer);
    if (!finished) controller.abort();
    guard.close();
  });
  return { type, contentLength: declared, host, body };
}

/** Reads a download body whole; only for bodies already bounded by maxBytes (images). */
export async function readToBuffer(body: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    parts.push(chunk);
    total += chunk.byteLength;
  }
  return Buffer.concat(parts, total);
}

function parseMediaUrl(value: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    throw new MediaError("invalid_url", "The media URL is not a valid URL.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new MediaError(
      "invalid_url",
      `Refused to download media over ${url.protocol.replace(/:$/, "")}: only http(s) is allowed.`,
    );
  if (url.username || url.password)
    throw new MediaError("invalid_url", "Refused to download media from a URL with embedded credentials.");
  return url;
}

function parseContentLength(value: string | null): number | null {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
}

function tooLargeError(host: string, maxBytes: number): MediaError {
  return new MediaError(
    "too_large",
    `The media file from ${host} is larger than the ${formatBytes(maxBytes)} limit.`,
  );
}

function timeoutError(host: string, timeoutMs: number): MediaError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return new MediaError("timeout", `Downloading media from ${host} timed out after ${seconds} s.`);
}

function emptyError(host: string): MediaError {
  return new MediaError("empty", `The media file from ${host} is empty.`);
}

/** Why a host was not contacted, as the message people read (the host, never the URL or its addresses). */
function refusalError(error: unknown, host: string, hop: number): unknown {
  const subject =
    hop === 0 ? `Refused to download media from ${host}` : `Refused to follow a redirect to ${host}`;
  if (error instanceof HostNotAllowedError)
    return new MediaError("host_not_allowed", `${subject}: the host is not on the allow-list.`);
  if (error instanceof AddressRefusedError)
    return new MediaError("host_not_allowed", `${subject}: it is not a public internet address.`);
  if (error instanceof UnresolvedHostError)
    return new MediaError(
      "network_error",
      `Could not download media from ${host}: the name does not resolve.`,
      {
        cause: error,
      },
    );
  return error;
}

function toMediaError(error: unknown, host: string): MediaError {
  if (error instanceof MediaError) return error;
  // A socket error carries its code itself, or on its cause when wrapped.
  const withCode = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const raw = withCode?.code ?? withCode?.cause?.code;
  const code = typeof raw === "string" ? ` (${raw})` : "";
  return new MediaError(
    "network_error",
    `Could not download media from ${host}: the connection failed${code}.`,
    {
      cause: error,
    },
  );
}
