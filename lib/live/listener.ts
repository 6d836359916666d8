import "server-only";
// The process's one LISTEN connection: a dedicated session on the database (never the pool,
// whose connections come and go) that takes every change announced on `atelier_live` and
// hands it to the streams of the user it belongs to. When the connection drops it comes back
// with backoff, and every open stream is told to resync, since changes in between were missed.
import postgres, { type Sql } from "postgres";
import { databaseUrl } from "@/lib/env";
import { log } from "@/lib/log";
import { liveHub } from "./hub";
import { LIVE_CHANNEL, parseNotification } from "./notification";

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;

/** Exponential, capped, with jitter, so a restarted database is not met by every server at once. */
export function backoffMs(attempt: number, random = Math.random()): number {
  const base = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** attempt);
  return Math.round(base * (0.5 + random / 2));
}

class LiveListener {
  private db: Sql | null = null;
  private listening = false;
  private connecting = false;
  private missed = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  private waiters = new Set<() => void>();

  /**
   * Starts listening if it has not yet; resolves true once listening, or false after
   * `timeoutMs`, so a stream never waits long on a database that is away.
   */
  ready(timeoutMs: number): Promise<boolean> {
    this.start();
    if (this.listening) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(this.listening);
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  private start(): void {
    if (this.db) return;
    const options = {
      max: 1,
      // A LISTEN lasts as long as its session: never retire the connection on our own.
      idle_timeout: 0,
      max_lifetime: null,
      connect_timeout: 10,
      prepare: false,
      fetch_types: false,
      // Named, so an operator can tell it apart in pg_stat_activity.
      connection: { application_name: "atelier-live" },
      onnotice: () => {},
      onclose: () => this.dropped(),
      // postgres.js delivers NotificationResponse messages to this option (not in its types).
      onnotify: (channel: string, payload: string) => this.notified(channel, payload),
    };
    this.db = postgres(databaseUrl(), options);
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (!this.db || this.listening || this.connecting) return;
    this.connecting = true;
    try {
      await this.db.unsafe(`listen ${LIVE_CHANNEL}`);
      this.listening = true;
      this.attempt = 0;
      if (this.missed) {
        this.missed = false;
        log.info("live: listening again");
        liveHub.publishAll({ type: "resync" });
      }
      for (const done of [...this.waiters]) done();
    } catch (error) {
      this.missed = true;
      log.warn("live: listen failed", { error, attempt: this.attempt });
      this.schedule();
    } finally {
      this.connecting = false;
    }
  }

  private dropped(): void {
    if (!this.listening) return;
    this.listening = false;
    this.missed = true;
    log.warn("live: listen connection closed; reconnecting");
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    const delay = backoffMs(this.attempt);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, delay);
    this.timer.unref();
  }

  private notified(channel: string, payload: string): void {
    if (channel !== LIVE_CHANNEL) return;
    const parsed = parseNotification(payload);
    if (parsed) liveHub.publish(parsed.userId, parsed.event);
  }
}

const globalForLive = globalThis as unknown as { atelierLiveListener?: LiveListener };
export const liveListener: LiveListener = globalForLive.atelierLiveListener ?? new LiveListener();
globalForLive.atelierLiveListener = liveListener;
