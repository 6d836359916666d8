// Which address is the client's, from the socket and the forwarding headers, for a given
// TRUSTED_PROXIES. The env is read when lib/env loads, so each case loads it afresh.
import { afterEach, describe, expect, it, vi } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/peer-address";

async function load(trusted: string, extra: Record<string, string> = {}) {
  vi.resetModules();
  vi.stubEnv("TRUSTED_PROXIES", trusted);
  for (const [key, value] of Object.entries(extra)) vi.stubEnv(key, value);
  const peer = await import("@/lib/auth/peer-address");
  peer.installPeerAddressHeader();
  return import("@/lib/auth/client-address");
}
afterEach(() => vi.unstubAllEnvs());

const req = (peer: string, headers: Record<string, string> = {}) => ({
  headers: new Headers({ [PEER_ADDRESS_HEADER]: peer, ...headers }),
});

describe("client address", () => {
  it("is the socket's address when no proxy is trusted, whatever the headers say", async () => {
    const { clientIp, forwardedHttps } = await load("");
    const spoofed = req("192.0.2.10", { "x-forwarded-for": "1.2.3.4", "x-forwarded-proto": "https" });
    expect(clientIp(spoofed)).toBe("192.0.2.10");
    expect(forwardedHttps(spoofed)).toBe(false);
    expect(clientIp(req("::ffff:192.0.2.11"))).toBe("192.0.2.11");
  });

  it("walks X-Forwarded-For from the right past trusted proxies and CIDR blocks", async () => {
    const { clientIp, forwardedHttps } = await load("127.0.0.1, 10.0.0.0/8, fd00::/8");
    const chain = (xff: string, peer = "127.0.0.1") => clientIp(req(peer, { "x-forwarded-for": xff }));
    expect(chain("6.6.6.6, 203.0.113.5")).toBe("203.0.113.5");
    expect(chain("6.6.6.6, 203.0.113.5, 10.1.2.3")).toBe("203.0.113.5");
    expect(chain("203.0.113.5, fd00::1")).toBe("203.0.113.5");
    expect(chain("10.1.2.3, 10.2.3.4")).toBe("10.1.2.3");
    expect(chain("not-an-ip, 10.2.3.4")).toBe("10.2.3.4");
    // A peer that is not trusted is the client, and its headers are not believed.
    expect(chain("203.0.113.5", "198.51.100.1")).toBe("198.51.100.1");
    expect(forwardedHttps(req("10.0.0.1", { "x-forwarded-proto": "https" }))).toBe(true);
    expect(forwardedHttps(req("198.51.100.1", { "x-forwarded-proto": "https" }))).toBe(false);
  });

  it("uses Vercel's own headers on Vercel", async () => {
    const { clientIp, forwardedHttps } = await load("", { VERCEL: "1" });
    const fromEdge = req("10.0.0.1", {
      "x-vercel-forwarded-for": "203.0.113.8",
      "x-forwarded-for": "6.6.6.6",
      "x-forwarded-proto": "https",
    });
    expect(clientIp(fromEdge)).toBe("203.0.113.8");
    expect(clientIp(req("10.0.0.1", { "x-real-ip": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(forwardedHttps(fromEdge)).toBe(true);
  });
});
