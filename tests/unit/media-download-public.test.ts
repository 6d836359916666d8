// The downloader under the public-address policy (URLs people paste). Every server here is on
// loopback, which the real policy refuses; the success paths inject a resolver and an address
// check that admit one loopback address, standing in for "a public host".
import { lookup } from "node:dns/promises";
import { afterEach, describe, expect, it } from "vitest";
import { type HostPolicy, openMediaDownload, readToBuffer } from "@/lib/media/download";
import { isPublicAddress } from "@/lib/net/public-address";
import type { ResolvedAddress } from "@/lib/net/vetted-addresses";
import { freePort } from "../../scripts/lib/ports";
import { failure, files, makePng, sleep, startServer, type TestServer, writeChunked } from "./media-helpers";

const servers: TestServer[] = [];
async function serve(...args: Parameters<typeof startServer>): Promise<TestServer> {
  const server = await startServer(...args);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const PUBLIC: HostPolicy = { kind: "public" };
const options = (policy: HostPolicy) => ({
  policy,
  maxBytes: 1024 * 1024,
  timeoutMs: 5_000,
  kind: "image" as const,
});

/**
 * "cdn.example.test" resolves to `address`, which counts as public (and to `later` when asked
 * again, like a rebinding name); other names go to the system resolver.
 */
function standIn(address: string, later = address) {
  const calls: string[] = [];
  const policy: HostPolicy = {
    kind: "public",
    resolve: async (hostname): Promise<ResolvedAddress[]> => {
      calls.push(hostname);
      if (hostname !== "cdn.example.test") return lookup(hostname, { all: true });
      const first = calls.filter((name) => name === hostname).length === 1;
      return [{ address: first ? address : later, family: 4 }];
    },
    isAllowedAddress: (candidate) => candidate === address || isPublicAddress(candidate),
  };
  return { policy, calls };
}

describe("public-address policy", () => {
  it("refuses a real local server, however its address is spelled, before any request", async () => {
    const png = await makePng(4, 4);
    const server = await serve(files({ "/a.png": { body: png, type: "image/png" } }));
    const spellings = [
      ["127.0.0.1", `http://127.0.0.1:${server.port}/a.png`],
      ["localhost", `http://localhost:${server.port}/a.png`],
      ["127.0.0.1", `http://2130706433:${server.port}/a.png`],
      ["127.0.0.1", `http://0177.0.0.1:${server.port}/a.png`],
      ["127.0.0.1", `http://0x7f.1:${server.port}/a.png`],
      ["[::ffff:7f00:1]", `http://[::ffff:127.0.0.1]:${server.port}/a.png`],
    ];
    for (const [host, url] of spellings) {
      const error = await failure(openMediaDownload(url as string, options(PUBLIC)));
      expect(error.code).toBe("host_not_allowed");
      expect(error.message).toBe(
        `Refused to download media from ${host}: it is not a public internet address.`,
      );
    }
    expect(server.hits).toEqual([]);
  });

  it("answers the same for an open and a closed private port (no port scanning)", async () => {
    const open = await serve(files({ "/a.png": { body: await makePng(4, 4) } }));
    const closed = await freePort();
    const answers = await Promise.all(
      [open.port, closed].map((port) =>
        failure(openMediaDownload(`http://127.0.0.1:${port}/a.png`, options(PUBLIC))),
      ),
    );
    expect(answers.map((error) => [error.code, error.message])).toEqual([
      ["host_not_allowed", "Refused to download media from 127.0.0.1: it is not a public internet address."],
      ["host_not_allowed", "Refused to download media from 127.0.0.1: it is not a public internet address."],
    ]);
    expect(open.hits).toEqual([]);
  });

  it("downloads from an admitted host, connecting to the address it checked", async () => {
    const png = await makePng(8, 8);
    const server = await serve(files({ "/a.png": { body: png, type: "image/png" } }));
    const { policy, calls } = standIn("127.0.0.1");
    // The name exists in no DNS: the connection can only have gone to the vetted address.
    const download = await openMediaDownload(`http://cdn.example.test:${server.port}/a.png`, options(policy));
    expect((await readToBuffer(download.body)).equals(png)).toBe(true);
    expect(download.host).toBe("cdn.example.test");
    expect(server.hits).toEqual(["/a.png"]);
    expect(server.headers[0]?.host).toBe(`cdn.example.test:${server.port}`);
    expect(calls).toEqual(["cdn.example.test"]);
  });

  it("is not fooled by a name that resolves elsewhere after the check (DNS rebinding)", async () => {
    const png = await makePng(8, 8);
    const good = await serve(files({ "/a.png": { body: png, type: "image/png" } }), "127.0.0.1");
    // Same port on another loopback address: where a second lookup of the name would lead.
    const evil = await serve(files({ "/a.png": { body: png, type: "image/png" } }), "127.0.0.2", good.port);
    const { policy, calls } = standIn("127.0.0.1", "127.0.0.2");
    const download = await openMediaDownload(`http://cdn.example.test:${good.port}/a.png`, options(policy));
    expect((await readToBuffer(download.body)).equals(png)).toBe(true);
    expect(good.hits).toEqual(["/a.png"]);
    expect(evil.hits).toEqual([]);
    expect(calls).toEqual(["cdn.example.test"]);
  });

  it("refuses a redirect to a private address without contacting it", async () => {
    const png = await makePng(4, 4);
    const target = await serve(files({ "/a.png": { body: png } }));
    const targets = [
      ["127.0.0.1", `http://127.0.0.1:${target.port}/a.png`],
      ["localhost", `http://localhost:${target.port}/a.png`],
      ["127.0.0.1", `http://0x7f.1:${target.port}/a.png`],
      ["[::ffff:7f00:1]", `http://[::ffff:7f00:1]:${target.port}/a.png`],
      ["169.254.169.254", "http://169.254.169.254/latest/meta-data/"],
      ["10.0.0.1", "http://10.0.0.1/a.png"],
    ];
    const start = await serve((req, res) => {
      const index = Number(req.url?.slice(1));
      res.writeHead(302, { location: targets[index]?.[1] ?? "/" }).end();
    }, "127.0.0.2");
    const { policy } = standIn("127.0.0.2");
    for (const [index, [host]] of targets.entries()) {
      const url = `http://cdn.example.test:${start.port}/${index}`;
      const error = await failure(openMediaDownload(url, options(policy)));
      expect(error.code).toBe("host_not_allowed");
      expect(error.message).toBe(
        `Refused to follow a redirect to ${host}: it is not a public internet address.`,
      );
    }
    expect(start.hits).toHaveLength(targets.length);
    expect(target.hits).toEqual([]);
  });

  it("aborts a chunked body at the cap without reading it all", async () => {
    const png = await makePng(4, 4);
    const total = 400 * 1024 * 1024;
    let sent = 0;
    const server = await serve((_req, res) =>
      writeChunked(res, png, total, 64 * 1024, (bytes) => {
        sent = bytes;
      }),
    );
    const cap = 1024 * 1024;
    const download = await openMediaDownload(`http://cdn.example.test:${server.port}/huge`, {
      ...options(standIn("127.0.0.1").policy),
      maxBytes: cap,
    });
    expect(download.contentLength).toBeNull();
    let read = 0;
    const error = await failure(
      (async () => {
        for await (const chunk of download.body as AsyncIterable<Buffer>) read += chunk.byteLength;
      })(),
    );
    expect(error.code).toBe("too_large");
    expect(read).toBeLessThanOrEqual(cap);
    await sleep(50);
    expect(server.active).toBe(0);
    // What left the server is the cap plus what socket buffers held: megabytes, not 400 MB.
    expect(sent).toBeLessThan(cap + 16 * 1024 * 1024);
  });

  it("refuses an HTML page served as an image", async () => {
    const server = await serve(
      files({ "/x.png": { body: "<!doctype html><title>hi</title>", type: "image/png" } }),
    );
    const url = `http://cdn.example.test:${server.port}/x.png`;
    const error = await failure(openMediaDownload(url, options(standIn("127.0.0.1").policy)));
    expect(error.code).toBe("unsupported_type");
    expect(error.message).toBe(
      "The file from cdn.example.test (declared as image/png) is not a supported image.",
    );
  });

  it("reports a name that does not resolve, and keeps the deadline while resolving", async () => {
    const missing: HostPolicy = {
      kind: "public",
      resolve: () => Promise.reject(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" })),
    };
    const error = await failure(openMediaDownload("https://nowhere.example.test/a.png", options(missing)));
    expect(error.code).toBe("network_error");
    expect(error.message).toBe(
      "Could not download media from nowhere.example.test: the name does not resolve.",
    );

    const stuck: HostPolicy = { kind: "public", resolve: () => new Promise(() => {}) };
    const started = Date.now();
    const slow = await failure(
      openMediaDownload("https://slow.example.test/a.png", { ...options(stuck), timeoutMs: 200 }),
    );
    expect(slow.code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
