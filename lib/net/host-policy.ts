// Which hosts one transfer may contact, and the request it must use. Two policies:
// - "allow-list": provider outputs. Exact host names (a port pins the port) or `*.suffix`
//   entries, from MEDIA_HOST_ALLOWLIST or the providers' CDNs; the emulator on 127.0.0.1 is
//   listed locally. Names are trusted as configured.
// - "public": URLs people paste. The host is resolved by us and refused unless every address is
//   public unicast (lib/net/public-address.ts); requests then go through an Agent pinned to
//   those addresses (lib/net/vetted-addresses.ts), so DNS cannot change the answer in between.
// Each hop of a redirect chain is admitted again under the same policy before it is requested.
import type { Readable } from "node:stream";
import { type Dispatcher, getGlobalDispatcher, request } from "undici";
import { type AddressCheck, pinnedAgent, type ResolvedAddress, vetHost } from "@/lib/net/vetted-addresses";

export type HostPolicy =
  | { kind: "allow-list"; hosts: readonly string[] }
  | ({ kind: "public" } & AddressCheck);

/** The host is not on the allow-list; nothing was sent to it. */
export class HostNotAllowedError extends Error {
  constructor(readonly hostname: string) {
    super(`${hostname} is not on the allow-list`);
    this.name = "HostNotAllowedError";
  }
}

/** The only requests a transfer makes: GETs that do not follow redirects by themselves. */
export type GetInit = { signal: AbortSignal; headers?: Record<string, string> };

/**
 * An answer's status, headers and body. The body is a Node stream rather than fetch's web stream:
 * media bodies are megabytes of 64 KB chunks, and fetch's stream machinery costs several times
 * the CPU and garbage of a plain stream for each (docs/benchmarks.md, media pipeline).
 */
export type GuardedResponse = { status: number; header(name: string): string | null; body: Readable };

/** One transfer's view of its policy. */
export type HostGuard = {
  /** Resolves once `url`'s host may be contacted; throws HostNotAllowedError, AddressRefusedError or UnresolvedHostError. */
  admit(url: URL, signal: AbortSignal): Promise<void>;
  /** GET for admitted URLs only (the public policy connects to the vetted addresses). */
  get(url: URL, init: GetInit): Promise<GuardedResponse>;
  /** Releases the transfer's connections; call once the body is done with. */
  close(): void;
};

export function openHostGuard(policy: HostPolicy): HostGuard {
  if (policy.kind === "allow-list") {
    return {
      async admit(url) {
        if (!isHostAllowed(url, policy.hosts)) throw new HostNotAllowedError(url.hostname);
      },
      get: (url, init) => guardedGet(url, init, getGlobalDispatcher()),
      close() {},
    };
  }
  const pins = new Map<string, ResolvedAddress[]>();
  let agent: ReturnType<typeof pinnedAgent> | undefined;
  return {
    async admit(url, signal) {
      pins.set(url.hostname.toLowerCase(), await vetHost(url.hostname, policy, signal));
    },
    get(url, init) {
      if (!pins.has(url.hostname.toLowerCase())) return Promise.reject(new HostNotAllowedError(url.hostname));
      agent ??= pinnedAgent(pins);
      return guardedGet(url, init, agent);
    },
    close() {
      agent?.destroy().catch(() => {});
    },
  };
}

async function guardedGet(url: URL, init: GetInit, dispatcher: Dispatcher): Promise<GuardedResponse> {
  // undici's request never follows redirects unless told to: each hop is admitted by the caller.
  const answer = await request(url, {
    method: "GET",
    signal: init.signal,
    headers: init.headers,
    dispatcher,
  });
  // Whoever reads the body sees its errors through the read; a body dropped unread (a redirect,
  // a refused type) or aborted after its reader stopped must not raise an unhandled error.
  answer.body.on("error", () => {});
  return {
    status: answer.statusCode,
    header(name) {
      const value = answer.headers[name.toLowerCase()];
      return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
    },
    body: answer.body,
  };
}

/** Splits `MEDIA_HOST_ALLOWLIST`-style text ("a.com, *.b.com") into entries. */
export function parseAllowedHosts(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
}

export function isHostAllowed(url: URL, allowedHosts: readonly string[]): boolean {
  const hostname = url.hostname.toLowerCase().replace(/\.$/, "");
  const host = url.host.toLowerCase();
  return allowedHosts.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (!entry) return false;
    if (entry.startsWith("*.")) {
      const suffix = entry.slice(1);
      return hostname.endsWith(suffix) && hostname.length > suffix.length;
    }
    return entry === hostname || entry === host;
  });
}
