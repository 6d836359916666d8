// A throttled key is left alone for as long as the provider asked: the real Replicate SDK,
// which retries a 429 by itself, against a local server that counts what reaches it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Replicate from "replicate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { throttleAwareFetch } from "@/lib/providers/throttle-aware-fetch";

let server: Server;
let baseUrl: string;
let hits = 0;
let status = 429;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    req.resume();
    if (status === 429) {
      res.writeHead(429, { "content-type": "application/json", "retry-after": "5" });
      res.end(JSON.stringify({ title: "Request was throttled", detail: "Slow down.", status: 429 }));
      return;
    }
    res.writeHead(201, { "content-type": "application/json" });
    res.end(JSON.stringify({ id: "p1", status: "starting", input: {}, urls: {} }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const create = (client: Replicate) => client.predictions.create({ version: "a/b:1", input: { prompt: "x" } });
const statusOf = (error: unknown) => (error as { response?: Response }).response?.status;

describe("throttle-aware fetch", () => {
  it("sends one request where the SDK alone retries a 429 six times", async () => {
    status = 429;
    hits = 0;
    const bare = new Replicate({ auth: "r8_bare", baseUrl });
    expect(statusOf(await create(bare).catch((e: unknown) => e))).toBe(429);
    expect(hits).toBe(6);

    hits = 0;
    let now = 1_000_000;
    const client = new Replicate({
      auth: "r8_key",
      baseUrl,
      fetch: throttleAwareFetch(undefined, () => now),
    });
    const error = await create(client).catch((e: unknown) => e);
    expect(statusOf(error)).toBe(429);
    expect(String((error as Error).message)).toMatch(/Slow down/);
    expect((error as { response: Response }).response.headers.get("retry-after")).toBe("5");
    expect(hits).toBe(1);

    // Within the Retry-After window nothing reaches the provider; after it, requests do again.
    now += 4_000;
    await create(client).catch(() => {});
    expect(hits).toBe(1);
    status = 201;
    now += 1_500;
    expect((await create(client)).id).toBe("p1");
    expect(hits).toBe(2);
  });
});
