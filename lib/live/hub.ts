import "server-only";
// The in-memory fan-out of live events to the streams open in this process, per user. It is
// the only state the live path keeps, and losing it loses nothing: a browser whose stream
// ends reconnects and is told to resync.
import { AppError } from "@/lib/errors";
import type { LiveEvent } from "./types";

/** Open streams per user and process: a few tabs and devices, not a flood. */
export const MAX_STREAMS_PER_USER = 10;

export type Subscriber = {
  send: (id: number, event: LiveEvent) => void;
  /** Ends the stream (it leaves the hub itself). */
  close: () => void;
};

export class LiveHub {
  private readonly streams = new Map<string, Set<Subscriber>>();
  private lastId = 0;

  /** An event id, increasing across the process: streams only use it to tell a reconnect. */
  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  /** Adds a stream of the user's; returns its removal. Refuses past the per-user limit. */
  subscribe(userId: string, subscriber: Subscriber): () => void {
    const set = this.streams.get(userId) ?? new Set<Subscriber>();
    if (set.size >= MAX_STREAMS_PER_USER)
      throw new AppError(
        "rate_limited",
        `Too many live connections: at most ${MAX_STREAMS_PER_USER} tabs or devices at once. Close one and try again.`,
        { headers: { "Retry-After": "30" } },
      );
    set.add(subscriber);
    this.streams.set(userId, set);
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.streams.get(userId) === set) this.streams.delete(userId);
    };
  }

  publish(userId: string, event: LiveEvent): void {
    const set = this.streams.get(userId);
    if (!set) return;
    const id = this.nextId();
    for (const subscriber of [...set]) deliver(subscriber, id, event);
  }

  /** Ends every open stream, e.g. when the server shuts down: browsers reconnect elsewhere. */
  closeAll(): void {
    for (const set of [...this.streams.values()]) for (const subscriber of [...set]) subscriber.close();
  }

  /** Every open stream, e.g. after the LISTEN connection was lost and came back. */
  publishAll(event: LiveEvent): void {
    const id = this.nextId();
    for (const set of [...this.streams.values()])
      for (const subscriber of [...set]) deliver(subscriber, id, event);
  }

  count(userId?: string): number {
    if (userId !== undefined) return this.streams.get(userId)?.size ?? 0;
    let total = 0;
    for (const set of this.streams.values()) total += set.size;
    return total;
  }
}

function deliver(subscriber: Subscriber, id: number, event: LiveEvent): void {
  try {
    subscriber.send(id, event);
  } catch {
    // A stream that fails to take an event closes itself; the others still get theirs.
  }
}

// One hub per process, kept on globalThis so every route bundle (and a dev reload) shares it.
const globalForLive = globalThis as unknown as { atelierLiveHub?: LiveHub; atelierLiveShutdown?: boolean };
export const liveHub: LiveHub = globalForLive.atelierLiveHub ?? new LiveHub();
globalForLive.atelierLiveHub = liveHub;

/**
 * Ends the streams when the server is asked to stop. Next's own handler stops accepting
 * connections and then waits for open requests, which an event stream never finishes, so
 * without this a restart would hang until it is killed. Only added beside a handler that is
 * already there (Next's), so it never keeps a process alive that would otherwise exit.
 */
export function closeStreamsOnShutdown(): void {
  if (globalForLive.atelierLiveShutdown) return;
  globalForLive.atelierLiveShutdown = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const)
    if (process.listenerCount(signal) > 0) process.once(signal, () => liveHub.closeAll());
}
