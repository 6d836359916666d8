import { afterEach, describe, expect, it } from "vitest";
import { openMediaDownload, readToBuffer } from "@/lib/media/download";
import { isHostAllowed, parseAllowedHosts } from "@/lib/net/host-policy";
import { freePort } from "../../scripts/lib/ports";
import {
  failure,
  files,
  makePng,
  mp4Header,
  sleep,
  startServer,
  type TestServer,
  writeChunked,
} from "./media-helpers";

const servers: TestServer[] = [];
async function serve(...args: Parameters<typeof startServer>): Promise<TestServer> {
  const server = await startServer(...args);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const LOCAL = ["127.0.0.1"];
const base = {
  policy: { kind: "allow-list", hosts: LOCAL } as const,
  maxBytes: 1024 * 1024,
  timeoutMs: 5_000,
};

describe("isHostAllowed", () => {
  const list = ["replicate.delivery", "*.replicate.delivery", "*.fal.media", "127.0.0.1:4010"];
  it.each([
    ["https://replicate.delivery/a.png", true],
    ["https://pbxt.replicate.delivery/a.png", true],
    ["https://REPLICATE.delivery./a.png", true],
    ["https://v3.fal.media/files/x.png", true],
    ["https://fal.media/files/x.png", false], // `*.` means subdomains only
    ["https://evilreplicate.delivery/a.png", false],
    ["https://replicate.delivery.evil.com/a.png", false],
    ["http://127.0.0.1:4010/x", true],
    ["http://127.0.0.1:4011/x", false], // an entry with a port pins the port
    ["http://169.254.169.254/latest/meta-data", false],
  ])("%s -> %s", (url, allowed) => {
    expect(isHostAllowed(new URL(url), list)).toBe(allowed);
  });

  it("parses a comma or space separated list", () => {
    expect(parseAllowedHosts(" a.com, *.B.com  c.org,,")).toEqual(["a.com", "*.b.com", "c.org"]);
    expect(parseAllowedHosts(undefined)).toEqual([]);
  });
});

describe("openMediaDownload", () => {
  it("streams an image from an allow-listed host with its sniffed type", async () => {
    const png = await makePng(40, 20);
    const server = await serve(files({ "/a.png": { body: png, type: "image/png" } }));
    const download = await openMediaDownload(`${server.origin}/a.png`, base);
    expect(download.type).toEqual({ mime: "image/png", ext: "png", kind: "image" });
    expect(download.contentLength).toBe(png.length);
    expect(download.host).toBe("127.0.0.1");
    expect((await readToBuffer(download.body)).equals(png)).toBe(true);
  });

  it("refuses a host that is not allow-listed before any request is made to it", async () => {
    const server = await serve(files({ "/a.png": { body: await makePng(4, 4) } }));
    const error = await failure(
      openMediaDownload(`${server.origin}/a.png`, {
        ...base,
        policy: { kind: "allow-list", hosts: ["example.com"] },
      }),
    );
    expect(error.code).toBe("host_not_allowed");
    expect(error.message).toBe(
      "Refused to download media from 127.0.0.1: the host is not on the allow-list.",
    );
    expect(server.hits).toEqual([]);
  });

  it.each([
    "file:///etc/passwd",
    "ftp://127.0.0.1/a.png",
    "data:image/png;base64,iVBORw0KGgo=",
    "http://user:pass@127.0.0.1/a.png",
    "not a url",
  ])("refuses %s", async (url) => {
    expect((await failure(openMediaDownload(url, base))).code).toBe("invalid_url");
  });

  it("refuses a redirect from an allowed host to a disallowed one, without contacting it", async () => {
    const target = await serve(files({ "/a.png": { body: await makePng(4, 4) } }));
    const start = await serve((_req, res) => {
      res.writeHead(302, { location: `http://localhost:${target.port}/a.png` }).end();
    });
    const error = await failure(openMediaDownload(`${start.origin}/start`, base));
    expect(error.code).toBe("host_not_allowed");
    expect(error.message).toBe(
      "Refused to follow a redirect to localhost: the host is not on the allow-list.",
    );
    expect(start.hits).toEqual(["/start"]);
    expect(target.hits).toEqual([]);
  });

  it("follows up to 3 allowed redirects and drops headers when the origin changes", async () => {
    const png = await makePng(4, 4);
    const target = await serve(files({ "/a.png": { body: png } }));
    const start = await serve((req, res) => {
      const hop = Number(req.url?.slice(1));
      const location = hop < 2 ? `/${hop + 1}` : `${target.origin}/a.png`;
      res.writeHead(hop === 0 ? 301 : 307, { location }).end();
    });
    const download = await openMediaDownload(`${start.origin}/0`, {
      ...base,
      headers: { "x-api-key": "secret" },
    });
    expect((await readToBuffer(download.body)).equals(png)).toBe(true);
    expect(start.hits).toEqual(["/0", "/1", "/2"]);
    expect(start.headers.map((headers) => headers["x-api-key"])).toEqual(["secret", "secret", "secret"]);
    expect(target.headers[0]?.["x-api-key"]).toBeUndefined();
  });

  it("refuses a fourth redirect", async () => {
    const server = await serve((req, res) => {
      res.writeHead(302, { location: `/${Number(req.url?.slice(1)) + 1}` }).end();
    });
    const error = await failure(openMediaDownload(`${server.origin}/0`, base));
    expect(error.code).toBe("too_many_redirects");
    expect(server.hits).toEqual(["/0", "/1", "/2", "/3"]);
  });

  it("refuses a Content-Length above the cap before reading the body", async () => {
    const server = await serve(
      files({ "/big.png": { body: Buffer.concat([await makePng(4, 4), Buffer.alloc(5000)]) } }),
    );
    const error = await failure(openMediaDownload(`${server.origin}/big.png`, { ...base, maxBytes: 1000 }));
    expect(error.code).toBe("too_large");
    expect(error.message).toBe("The media file from 127.0.0.1 is larger than the 1000 bytes limit.");
  });

  it("aborts a chunked body once it passes the cap", async () => {
    const png = await makePng(4, 4);
    let sent = 0;
    const server = await serve((_req, res) =>
      writeChunked(res, png, 50 * 1024 * 1024, 64 * 1024, (bytes) => {
        sent = bytes;
      }),
    );
    const download = await openMediaDownload(`${server.origin}/stream`, { ...base, maxBytes: 256 * 1024 });
    expect(download.contentLength).toBeNull();
    const error = await failure(readToBuffer(download.body));
    expect(error.code).toBe("too_large");
    expect(error.message).toContain("larger than the 256 KB limit");
    // The request was aborted, not drained: the server sees it close (give a loaded machine 2 s).
    for (let i = 0; i < 200 && server.active > 0; i++) await sleep(10);
    expect(server.active).toBe(0);
    expect(sent).toBeLessThan(50 * 1024 * 1024);
  });

  it("sniffs the bytes: an HTML page served as image/png is refused", async () => {
    const server = await serve(
      files({ "/fake.png": { body: "<!doctype html><h1>hello</h1>", type: "image/png" } }),
    );
    const error = await failure(openMediaDownload(`${server.origin}/fake.png`, base));
    expect(error.code).toBe("unsupported_type");
    expect(error.message).toBe(
      "The file from 127.0.0.1 (declared as image/png) is not a supported image or video.",
    );
  });

  it("refuses bytes of the other kind when a kind is required", async () => {
    const server = await serve(files({ "/clip": { body: mp4Header(), type: "image/png" } }));
    const error = await failure(openMediaDownload(`${server.origin}/clip`, { ...base, kind: "image" }));
    expect(error.code).toBe("unsupported_type");
    expect(error.message).toBe("The file from 127.0.0.1 (video/mp4) is not a supported image.");
  });

  it("reports HTTP errors and empty bodies", async () => {
    const server = await serve(files({ "/empty": { body: "" } }));
    const notFound = await failure(openMediaDownload(`${server.origin}/missing`, base));
    expect(notFound.code).toBe("http_error");
    expect(notFound.message).toBe("Downloading media from 127.0.0.1 failed with HTTP 404.");
    expect((await failure(openMediaDownload(`${server.origin}/empty`, base))).code).toBe("empty");
  });

  it("times out when the host does not answer", async () => {
    const server = await serve(() => {}); // never responds
    const started = Date.now();
    const error = await failure(openMediaDownload(`${server.origin}/slow`, { ...base, timeoutMs: 200 }));
    expect(error.code).toBe("timeout");
    expect(error.message).toBe("Downloading media from 127.0.0.1 timed out after 0.2 s.");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("times out when the body stalls after the first bytes", async () => {
    const png = await makePng(4, 4);
    const server = await serve((_req, res) => {
      res.writeHead(200);
      res.write(png); // then nothing more, connection left open
    });
    const download = await openMediaDownload(`${server.origin}/stall`, { ...base, timeoutMs: 300 });
    const error = await failure(readToBuffer(download.body));
    expect(error.code).toBe("timeout");
  });

  it("reports a refused connection as a network error", async () => {
    const port = await freePort();
    const error = await failure(openMediaDownload(`http://127.0.0.1:${port}/a.png`, base));
    expect(error.code).toBe("network_error");
    expect(error.message).toMatch(/^Could not download media from 127\.0\.0\.1: the connection failed/);
  });

  it("aborts the request when the consumer destroys the body", async () => {
    const png = await makePng(4, 4);
    const server = await serve((_req, res) => writeChunked(res, png, 100 * 1024 * 1024, 64 * 1024));
    const download = await openMediaDownload(`${server.origin}/video`, {
      ...base,
      maxBytes: 200 * 1024 * 1024,
    });
    download.body.destroy();
    for (let i = 0; i < 50 && server.active > 0; i++) await sleep(10);
    expect(server.active).toBe(0);
  });
});
