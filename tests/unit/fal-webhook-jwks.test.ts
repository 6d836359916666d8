// fal webhook signatures against a JWKS served by a real local HTTP server that counts its
// requests: forged webhooks must not make us refetch the key set, a key rotation at fal must
// still be picked up, and the set is kept as long as its Cache-Control allows.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JwksCache, maxAgeSeconds } from "@/lib/providers/fal/jwks-cache";
import { verifyFalWebhook } from "@/lib/providers/fal/webhook-signature";
import { WebhookRejected } from "@/lib/providers/types";
import { FalSigner } from "@/scripts/emulator/webhooks";

type JwksServer = {
  url: (path: string) => string;
  fetches: (path: string) => number;
  /** What a path serves: the signers whose public keys are in the set, and headers. */
  serve: (path: string, signers: FalSigner[], headers?: Record<string, string>, status?: number) => void;
};

let server: Server;
let jwks: JwksServer;

beforeAll(async () => {
  const routes = new Map<string, { body: string; headers: Record<string, string>; status: number }>();
  const counts = new Map<string, number>();
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (!route) return void res.writeHead(404).end();
    res.writeHead(route.status, { "content-type": "application/json", ...route.headers }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  jwks = {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    fetches: (path) => counts.get(path) ?? 0,
    serve: (path, signers, headers = {}, status = 200) =>
      routes.set(path, {
        body: JSON.stringify({ keys: signers.flatMap((s) => s.jwks().keys) }),
        headers,
        status,
      }),
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const BODY = JSON.stringify({ request_id: "req_1", status: "OK", payload: {} });
const webhook = (signer: FalSigner, body = BODY) => new Headers(signer.headers("req_1", body));

/** A clock the test moves by hand. */
function manualClock() {
  let now = 1_800_000_000_000;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}
const MINUTE = 60_000;

async function outcome(promise: Promise<unknown>): Promise<"accepted" | "rejected"> {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    if (error instanceof WebhookRejected) return "rejected";
    throw error;
  }
}

describe("fal webhook JWKS", () => {
  it("ten forged webhooks fetch the key set once, and a genuine one after them needs no fetch", async () => {
    const fal = new FalSigner();
    const forger = new FalSigner();
    jwks.serve("/forged.json", [fal]);
    for (let i = 0; i < 10; i++)
      expect(await outcome(verifyFalWebhook(webhook(forger), BODY, jwks.url("/forged.json")))).toBe(
        "rejected",
      );
    expect(jwks.fetches("/forged.json")).toBe(1);
    expect(await outcome(verifyFalWebhook(webhook(fal), BODY, jwks.url("/forged.json")))).toBe("accepted");
    expect(jwks.fetches("/forged.json")).toBe(1);
  });

  it("a burst of parallel forged webhooks on a cold cache shares one fetch", async () => {
    const fal = new FalSigner();
    const forger = new FalSigner();
    jwks.serve("/burst.json", [fal]);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        outcome(verifyFalWebhook(webhook(forger), BODY, jwks.url("/burst.json"))),
      ),
    );
    expect(results.every((r) => r === "rejected")).toBe(true);
    expect(jwks.fetches("/burst.json")).toBe(1);
  });

  it("picks up a key rotation, refetching on an unknown key at most once per five minutes", async () => {
    const clock = manualClock();
    const oldKey = new FalSigner();
    const newKey = new FalSigner();
    const forger = new FalSigner();
    jwks.serve("/rotation.json", [oldKey]);
    const cache = new JwksCache(jwks.url("/rotation.json"), { now: clock.now });
    const verify = (signer: FalSigner) => outcome(verifyFalWebhook(webhook(signer), BODY, cache));

    expect(await verify(oldKey)).toBe("accepted");
    expect(jwks.fetches("/rotation.json")).toBe(1);

    // fal rotates. Long after the last fetch, the first webhook with the new key refetches.
    jwks.serve("/rotation.json", [newKey]);
    clock.advance(6 * MINUTE);
    expect(await verify(newKey)).toBe("accepted");
    expect(jwks.fetches("/rotation.json")).toBe(2);

    // Forgeries right after that refetch cause no more fetches, however many arrive.
    for (let i = 0; i < 10; i++) expect(await verify(forger)).toBe("rejected");
    clock.advance(4 * MINUTE);
    for (let i = 0; i < 10; i++) expect(await verify(forger)).toBe("rejected");
    expect(jwks.fetches("/rotation.json")).toBe(2);

    // Another rotation within the floor is rejected until the floor has passed (fal retries).
    jwks.serve("/rotation.json", [oldKey]);
    clock.advance(30_000);
    expect(await verify(oldKey)).toBe("rejected");
    expect(jwks.fetches("/rotation.json")).toBe(2);
    clock.advance(MINUTE);
    expect(await verify(oldKey)).toBe("accepted");
    expect(jwks.fetches("/rotation.json")).toBe(3);
  });

  it("keeps the set for a day without Cache-Control, and for its max-age when there is one", async () => {
    const clock = manualClock();
    const fal = new FalSigner();
    jwks.serve("/ttl-day.json", [fal]);
    jwks.serve("/ttl-hour.json", [fal], { "cache-control": "public, max-age=3600" });
    const day = new JwksCache(jwks.url("/ttl-day.json"), { now: clock.now });
    const hour = new JwksCache(jwks.url("/ttl-hour.json"), { now: clock.now });
    for (const cache of [day, hour])
      expect(await outcome(verifyFalWebhook(webhook(fal), BODY, cache))).toBe("accepted");

    clock.advance(61 * MINUTE);
    for (const cache of [day, hour])
      expect(await outcome(verifyFalWebhook(webhook(fal), BODY, cache))).toBe("accepted");
    expect([jwks.fetches("/ttl-day.json"), jwks.fetches("/ttl-hour.json")]).toEqual([1, 2]);

    clock.advance(23 * 60 * MINUTE);
    await day.current();
    expect(jwks.fetches("/ttl-day.json")).toBe(2);
  });

  it("keeps using the last good set while the JWKS URL fails, retrying at most twice a minute", async () => {
    const clock = manualClock();
    const fal = new FalSigner();
    jwks.serve("/flaky.json", [fal], { "cache-control": "max-age=300" });
    const cache = new JwksCache(jwks.url("/flaky.json"), { now: clock.now });
    const verify = () => outcome(verifyFalWebhook(webhook(fal), BODY, cache));
    expect(await verify()).toBe("accepted");

    jwks.serve("/flaky.json", [], {}, 503);
    clock.advance(6 * MINUTE);
    for (let i = 0; i < 10; i++) expect(await verify()).toBe("accepted");
    expect(jwks.fetches("/flaky.json")).toBe(2);
    clock.advance(31_000);
    expect(await verify()).toBe("accepted");
    expect(jwks.fetches("/flaky.json")).toBe(3);
  });

  it("rejects every webhook while no key set was ever fetched, without a fetch per webhook", async () => {
    const fal = new FalSigner();
    jwks.serve("/down.json", [], {}, 503);
    for (let i = 0; i < 10; i++)
      expect(await outcome(verifyFalWebhook(webhook(fal), BODY, jwks.url("/down.json")))).toBe("rejected");
    expect(jwks.fetches("/down.json")).toBe(1);
  });

  it.each([
    [null, null],
    ["public, max-age=600", 600],
    ['max-age="120"', 120],
    ["no-store", 0],
    ["private, no-cache", 0],
    ["public", null],
  ])("reads Cache-Control %j as %j seconds", (header, seconds) => {
    expect(maxAgeSeconds(header)).toBe(seconds);
  });
});
