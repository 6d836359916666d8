// The address of the TCP peer, for code that only sees a Web Request.
//
// Next 16 hands route handlers and middleware a Web Request built from the Node request's
// headers and nothing of the socket (NextRequest.ip is gone). Its only trace of the socket is
// in base-server.js: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`, so the peer's
// address is added only when the client sent no X-Forwarded-For of its own; `next start` does
// not append it to one that is there. Whatever a client puts in X-Forwarded-For therefore
// reaches the app untouched, right-most entry included.
//
// So the server stamps the peer itself: instrumentation.ts installs this once per process,
// before any route runs, and every incoming request gets PEER_ADDRESS_HEADER set from its
// socket, overwriting anything a client sent under that name.
import http, { type IncomingMessage } from "node:http";
import https from "node:https";

export const PEER_ADDRESS_HEADER = "x-atelier-peer-address";
const INSTALLED = Symbol.for("atelier.peer-address-installed");

type Marked = { [INSTALLED]?: boolean };

export function installPeerAddressHeader(): void {
  const marked = globalThis as Marked;
  if (marked[INSTALLED]) return;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit as (
      this: unknown,
      event: string | symbol,
      ...args: unknown[]
    ) => boolean;
    Server.prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") stamp(args[0] as IncomingMessage);
      return emit.call(this, event, ...args);
    } as typeof Server.prototype.emit;
  }
  marked[INSTALLED] = true;
}

/** Whether this process stamps requests, so the header can be believed. */
export function peerAddressInstalled(): boolean {
  return (globalThis as Marked)[INSTALLED] === true;
}

function stamp(req: IncomingMessage): void {
  const address = req.socket?.remoteAddress;
  if (address) req.headers[PEER_ADDRESS_HEADER] = address;
  else delete req.headers[PEER_ADDRESS_HEADER];
}
