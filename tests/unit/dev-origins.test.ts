// `next dev` refuses its own client resources (/_next/*) to pages opened at an origin it does
// not know, which leaves every client page a loading skeleton. Checked with Next's own guard.
import { describe, expect, it } from "vitest";
// @ts-expect-error next.config.js is plain JavaScript, without a declaration file.
import loadedConfig from "../../next.config.js";

const nextConfig = loadedConfig as { allowedDevOrigins?: string[] };

type Guard = (
  req: { url: string; headers: Record<string, string> },
  res: { statusCode: number; end: (body?: string) => void },
  allowed: string[] | undefined,
  hostname: string | undefined,
) => boolean;

async function blocked(pageOrigin: string): Promise<boolean> {
  const { blockCrossSiteDEV } = (await import(
    "next/dist/server/lib/router-utils/block-cross-site-dev.js"
  )) as unknown as { blockCrossSiteDEV: Guard };
  const req = {
    url: "/_next/static/chunks/main-app.js",
    headers: { origin: pageOrigin, "sec-fetch-mode": "cors", "sec-fetch-site": "same-origin" },
  };
  const res = { statusCode: 200, end: () => {} };
  // `next dev` binds to 127.0.0.1 by default (HOST), and knows its hostname as that.
  return blockCrossSiteDEV(req, res, nextConfig.allowedDevOrigins, undefined);
}

describe("the dev server's own resources", () => {
  it.each(["http://localhost:3000", "http://127.0.0.1:3000"])(
    "load on a page opened at %s",
    async (origin) => {
      expect(await blocked(origin)).toBe(false);
    },
  );

  it("stay refused to other sites", async () => {
    expect(await blocked("http://evil.example")).toBe(true);
  });
});
