// The browser end of GET /api/events. EventSource reconnects by itself after a dropped stream
// (sending Last-Event-ID, which the server answers with a resync); when the server refuses the
// stream outright (signed out, too many tabs, no live updates here) EventSource gives up, and
// this tries again later with backoff, resyncing itself since that new stream starts afresh.
import { type LiveEvent, toLiveEvent } from "@/lib/live/types";

export type LiveHandlers = {
  onEvent: (event: LiveEvent) => void;
  onConnected: (connected: boolean) => void;
};

const EVENT_TYPES = ["generation", "credits", "flow_run", "resync"] as const;
const RETRY_MS = 5_000;
const MAX_RETRY_MS = 120_000;

/** Delay before the next try after `failures` refused streams in a row. */
export function refusedRetryMs(failures: number): number {
  return Math.min(MAX_RETRY_MS, RETRY_MS * 2 ** Math.max(0, failures - 1));
}

export function openSseChannel(url: string, handlers: LiveHandlers): () => void {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let everOpen = false;
  let stopped = false;

  const connect = () => {
    const current = new EventSource(url);
    source = current;
    let opened = false;
    current.onopen = () => {
      failures = 0;
      handlers.onConnected(true);
      // A new EventSource sends no Last-Event-ID, so the server cannot know to resync it.
      if (!opened && everOpen) handlers.onEvent({ type: "resync" });
      opened = true;
      everOpen = true;
    };
    for (const type of EVENT_TYPES)
      current.addEventListener(type, (message) => {
        const event = toLiveEvent(type, parseJson((message as MessageEvent<string>).data));
        if (event) handlers.onEvent(event);
      });
    current.onerror = () => {
      handlers.onConnected(false);
      if (current.readyState !== EventSource.CLOSED || stopped) return;
      failures += 1;
      timer = setTimeout(connect, refusedRetryMs(failures));
    };
  };

  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
