// The provider emulator: one node:http server that speaks the parts of the Replicate, fal and
// Gemini APIs that Atelier uses, so the official SDKs work against it unchanged.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createFal } from "./fal";
import { createGoogle } from "./google";
import { type EmulatorContext, HttpError, type Route, sendJson } from "./http";
import { JobRunner } from "./jobs";
import { MediaStore } from "./media-store";
import { createReplicate } from "./replicate";
import { FalSigner, newWebhookSecret, WebhookSender } from "./webhooks";

export interface EmulatorOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** `whsec_...`; a fresh one is made when omitted. */
  replicateWebhookSecret?: string;
  /** Multiplies every job duration and retry delay (tests use e.g. 0.1). Default 1. */
  speedFactor?: number;
  /** One line per request and per webhook delivery. */
  log?: (line: string) => void;
}

export interface Emulator {
  /** Origin, e.g. `http://127.0.0.1:4010`: Replicate base is `${url}/v1`, fal queue and Gemini base are `url`. */
  url: string;
  /** The second host name `[redirect]` outputs are sent on to (`http://localhost:<port>`). */
  redirectUrl: string;
  port: number;
  replicateWebhookSecret: string;
  /** Where fal webhook signatures can be checked (`${url}/.well-known/jwks.json`). */
  falJwksUrl: string;
  /** The newest accepted Gemini generateContent bodies (at most 50), newest last. */
  geminiRequests: { model: string; body: Record<string, unknown> }[];
  close(): Promise<void>;
}

/** The app's env that points every provider at this emulator. */
export function providerUrlsOf(emulator: Pick<Emulator, "url" | "falJwksUrl">): Record<string, string> {
  return {
    REPLICATE_BASE_URL: `${emulator.url}/v1`,
    FAL_QUEUE_URL: emulator.url,
    FAL_JWKS_URL: emulator.falJwksUrl,
    GEMINI_BASE_URL: emulator.url,
  };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? (() => {});
  const speedFactor = options.speedFactor ?? 1;
  const secret = options.replicateWebhookSecret ?? newWebhookSecret();
  let origin = "";
  let redirectOrigin = "";
  const ctx: EmulatorContext = { origin: () => origin, redirectOrigin: () => redirectOrigin, speedFactor };
  const store = new MediaStore();
  const runner = new JobRunner(speedFactor);
  const webhooks = new WebhookSender(speedFactor, log);
  const signer = new FalSigner();
  const closing = new AbortController();
  const geminiRequests: Emulator["geminiRequests"] = [];
  const onRequest = (model: string, body: Record<string, unknown>) => {
    geminiRequests.push({ model, body });
    if (geminiRequests.length > 50) geminiRequests.shift();
  };
  const handlers = [
    createGoogle({ ctx, store, signal: closing.signal, onRequest }), // before Replicate: both use `/v1/`
    createReplicate({ ctx, store, runner, webhooks, secret }),
    createFal({ ctx, store, runner, webhooks, signer }),
  ];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    const url = new URL(`${origin}${req.url ?? "/"}`); // not `new URL(path, base)`: "//x" would become a host
    const route: Route = { method, url, req, res };
    if (/^\/redirect\/media\/[a-z0-9]+\.[a-z0-9]+$/.test(url.pathname)) {
      // Like a CDN handing the file over to a storage host: same file, another host name.
      res.writeHead(302, { location: `${redirectOrigin}${url.pathname.slice("/redirect".length)}` }).end();
      return;
    }
    const media = /^\/media\/([a-z0-9]+)\.[a-z0-9]+$/.exec(url.pathname);
    if (media && (method === "GET" || method === "HEAD")) {
      if (!(await store.serve(res, media[1]!, method === "HEAD")))
        sendJson(res, 404, { detail: "Not found" });
      return;
    }
    if (method === "GET" && url.pathname === "/.well-known/jwks.json")
      return sendJson(res, 200, signer.jwks());
    if (method === "GET" && url.pathname === "/health") return sendJson(res, 200, { ok: true });
    for (const handler of handlers) if (await handler(route)) return;
    sendJson(res, 404, { detail: "Not found" });
  }

  const server = createServer((req, res) => {
    const started = Date.now();
    res.on("finish", () => log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof HttpError) return sendJson(res, error.status, error.body, error.headers);
      log(`error: ${(error as Error).stack ?? String(error)}`);
      sendJson(res, 500, { detail: "Internal emulator error" });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  redirectOrigin = `http://localhost:${port}`;

  return {
    url: origin,
    redirectUrl: redirectOrigin,
    port,
    replicateWebhookSecret: secret,
    falJwksUrl: `${origin}/.well-known/jwks.json`,
    geminiRequests,
    async close() {
      closing.abort();
      runner.close();
      webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
