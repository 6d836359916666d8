// A local HTTP server standing in for someone's webhook receiver: it records every request
// (headers, raw body, arrival time) and every TCP connection, and answers each request with
// the next status of a plan (200 once the plan is used up).
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedHook = { path: string; headers: Record<string, string>; body: string; at: number };

export type WebhookReceiver = {
  url: string;
  port: number;
  received: ReceivedHook[];
  /** TCP connections opened to the receiver, whether or not a request followed. */
  connections: () => number;
  /** Statuses for the next requests to `path`, in order. */
  plan: (path: string, statuses: number[]) => void;
  /** Resolves once `count` requests reached `path`. */
  waitFor: (path: string, count: number, timeoutMs?: number) => Promise<ReceivedHook[]>;
  close: () => Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedHook[] = [];
  const plans = new Map<string, number[]>();
  let connections = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({
        path,
        headers: flatten(req.headers),
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      });
      const status = plans.get(path)?.shift() ?? 200;
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "no");
    });
  });
  server.on("connection", () => {
    connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const at = (path: string) => received.filter((r) => r.path === path);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    connections: () => connections,
    plan: (path, statuses) => plans.set(path, [...statuses]),
    waitFor: async (path, count, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (at(path).length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} requests to ${path}, got ${at(path).length} in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return at(path);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name] = String(value);
  return flat;
}
