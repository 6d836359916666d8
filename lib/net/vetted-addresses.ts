// Resolving a host name ourselves and keeping the answer: a host passes only when EVERY address
// it resolves to is allowed (public by default), and the connection then goes to one of exactly
// those addresses. The undici Agent below never asks DNS again, so a name that resolves to a
// public address for the check and to 127.0.0.1 a moment later (DNS rebinding) still reaches the
// address that was checked. IP literals skip DNS (Node connects to them without any lookup), so
// they are checked as written.
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import { Agent } from "undici";
import { ipLiteralOf, isPublicAddress } from "@/lib/net/public-address";

export type ResolvedAddress = { address: string; family: number };

/** Every address a name resolves to, as the system resolver (hosts file, then DNS) gives them. */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

export type AddressCheck = {
  /** Injectable for tests only; defaults to the system resolver. */
  resolve?: ResolveHost;
  /** Injectable for tests only; defaults to isPublicAddress. */
  isAllowedAddress?: (address: string) => boolean;
};

/** The host resolved to an address the policy refuses; nothing was sent to it. */
export class AddressRefusedError extends Error {
  constructor(readonly hostname: string) {
    super(`${hostname} is not a public internet address`);
    this.name = "AddressRefusedError";
  }
}

/** The name did not resolve (or resolved to nothing). */
export class UnresolvedHostError extends Error {
  constructor(
    readonly hostname: string,
    options?: { cause?: unknown },
  ) {
    super(`${hostname} could not be resolved`, options);
    this.name = "UnresolvedHostError";
  }
}

const systemResolve: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, order: "verbatim" });

/** Resolves `hostname` (a URL's hostname) and returns its addresses when every one is allowed. */
export async function vetHost(
  hostname: string,
  check: AddressCheck = {},
  signal?: AbortSignal,
): Promise<ResolvedAddress[]> {
  const isAllowed = check.isAllowedAddress ?? isPublicAddress;
  const literal = ipLiteralOf(hostname);
  let addresses: ResolvedAddress[];
  if (literal !== null) addresses = [{ address: literal, family: isIP(literal) }];
  else {
    try {
      addresses = await abortable((check.resolve ?? systemResolve)(hostname), signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new UnresolvedHostError(hostname, { cause: error });
    }
  }
  if (addresses.length === 0) throw new UnresolvedHostError(hostname);
  if (!addresses.every(({ address }) => isAllowed(address))) throw new AddressRefusedError(hostname);
  return addresses;
}

/**
 * An Agent whose connections go only to the addresses vetted for their host name (`pins`, keyed
 * by URL hostname); a host that was not vetted gets no connection at all.
 */
export function pinnedAgent(pins: ReadonlyMap<string, ResolvedAddress[]>): Agent {
  const lookup: LookupFunction = (hostname, options, callback) => {
    const addresses = pins.get(hostname.toLowerCase());
    const first = addresses?.[0];
    if (!addresses || !first) {
      const error = Object.assign(new AddressRefusedError(hostname), { code: "ENOTFOUND" });
      callback(error, "", 0);
    } else if (options.all) callback(null, addresses);
    else callback(null, first.address, first.family);
  };
  return new Agent({ connect: { lookup } });
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
