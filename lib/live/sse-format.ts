// The text/event-stream wire format (HTML Living Standard, "Server-sent events"): fields are
// `name: value` lines, a blank line ends an event, a line starting with ":" is a comment.
import type { LiveEvent } from "./types";

/** How long a browser waits before reconnecting after the stream drops. */
export const RETRY_MS = 3_000;

/** Sets the reconnect delay, and an id so a reconnect sends Last-Event-ID (no event is fired). */
export function preamble(id: number): string {
  return `retry: ${RETRY_MS}\nid: ${id}\n\n`;
}

export function comment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, " ")}\n\n`;
}

/** One event; its JSON data is one line, so it needs no splitting. */
export function eventFrame(id: number, event: LiveEvent): string {
  const { type, ...data } = event;
  return `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}
