// Reads a server-sent event stream the way a browser's EventSource does (fields, blank-line
// dispatch, comments), with the time each event arrived, so tests can wait for events and
// say how late they were.
import type { Client } from "./http";

export type StreamEvent = { id: string | null; event: string; data: Record<string, unknown>; at: number };

export type EventStream = {
  status: number;
  /** The JSON body of a refused stream (4xx). */
  body: Record<string, unknown> | null;
  headers: Headers;
  events: StreamEvent[];
  comments: string[];
  /** The reconnect delay the server asked for (`retry:`), once read. */
  retry: number | null;
  /** Resolves with the first event (already received or coming) that matches, or throws after timeoutMs. */
  waitFor: (match: (event: StreamEvent) => boolean, timeoutMs?: number) => Promise<StreamEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close: () => void;
};

export async function openEventStream(
  client: Client | null,
  baseUrl: string,
  headers: Record<string, string> = {},
): Promise<EventStream> {
  const abort = new AbortController();
  const session = client?.cookie("atelier_session");
  const res = await fetch(new URL("/api/events", baseUrl), {
    headers: {
      accept: "text/event-stream",
      ...(session && { cookie: `atelier_session=${session}` }),
      ...headers,
    },
    signal: abort.signal,
  });
  const events: StreamEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const stream: EventStream = {
    status: res.status,
    body: null,
    headers: res.headers,
    events,
    comments,
    retry: null,
    ended: Promise.resolve(),
    close: () => abort.abort(),
    waitFor: (match, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return;
          clear();
          resolve(found);
        };
        const timer = setTimeout(() => {
          clear();
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        const clear = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
  };
  if (!(res.headers.get("content-type") ?? "").startsWith("text/event-stream") || !res.body) {
    stream.body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    return stream;
  }
  stream.ended = read(res.body, {
    dispatch: (event) => {
      events.push(event);
      for (const check of [...waiters]) check();
    },
    comment: (text) => comments.push(text),
    retry: (ms) => {
      stream.retry = ms;
    },
  });
  return stream;
}

type Sink = {
  dispatch: (event: StreamEvent) => void;
  comment: (text: string) => void;
  retry: (ms: number) => void;
};

async function read(body: ReadableStream<Uint8Array>, sink: Sink): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = "";
  let fields: { id: string | null; event: string; data: string[] } = { id: null, event: "message", data: [] };
  try {
    for await (const chunk of body) {
      buffer += decoder.decode(chunk, { stream: true });
      let newline = buffer.indexOf("\n");
      while (newline >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, "");
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf("\n");
        if (line === "") {
          // An event with no data is not dispatched (its id still counts, as in a browser).
          if (fields.data.length > 0)
            sink.dispatch({
              id: fields.id,
              event: fields.event,
              data: JSON.parse(fields.data.join("\n")),
              at: Date.now(),
            });
          fields = { id: fields.id, event: "message", data: [] };
        } else if (line.startsWith(":")) sink.comment(line.slice(1).trim());
        else {
          const colon = line.indexOf(":");
          const name = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
          if (name === "data") fields.data.push(value);
          else if (name === "event") fields.event = value;
          else if (name === "id") fields.id = value;
          else if (name === "retry") sink.retry(Number(value));
        }
      }
    }
  } catch {
    // aborted by the test
  }
}
