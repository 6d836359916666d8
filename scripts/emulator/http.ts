import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** Everything a provider module needs to know about the emulator it runs in. */
export interface EmulatorContext {
  /** Public origin, e.g. `http://127.0.0.1:4010`. */
  origin: () => string;
  /** The same server under a second host name (`http://localhost:<port>`), for `[redirect]`. */
  redirectOrigin: () => string;
  speedFactor: number;
}

export interface Route {
  method: string;
  url: URL;
  req: IncomingMessage;
  res: ServerResponse;
}

const MAX_BODY_BYTES = 40 * 1024 * 1024; // reference images arrive inline as base64

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, { detail: "Request body too large" });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON object body; an empty body is `{}`. */
export async function readJson(req: IncomingMessage, invalid: (message: string) => unknown) {
  const raw = await readBody(req);
  if (raw.length === 0) return {} as Record<string, unknown>;
  try {
    const value: unknown = JSON.parse(raw.toString("utf8"));
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the provider's own error shape
  }
  throw new HttpError(400, invalid("Request body must be a JSON object"));
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

/** Lower-case id in Replicate's style (base32, 26 characters). Also safe inside Google file names. */
export function newId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  return Array.from(randomBytes(26), (byte) => alphabet[byte % 32]).join("");
}

export function isoNow(): string {
  return new Date().toISOString();
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function asInt(value: unknown): number | undefined {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? Math.trunc(n) : undefined;
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export type RouteTable = Array<[method: string, pattern: RegExp, run: (match: RegExpExecArray) => unknown]>;

/** Runs the first route whose method and pattern match `path`; false when none does. */
export async function dispatch(routes: RouteTable, method: string, path: string): Promise<boolean> {
  for (const [routeMethod, pattern, run] of routes) {
    const match = routeMethod === method ? pattern.exec(path) : null;
    if (match) {
      await run(match);
      return true;
    }
  }
  return false;
}
