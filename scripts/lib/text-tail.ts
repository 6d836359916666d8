// The last characters of a stream of text, e.g. what a server process printed.

/**
 * Keeps the last `limit` characters of the text pushed to it. Chunks are kept as they come and
 * joined only when read: a server logs a line per request, and re-copying the whole tail on
 * every line cost the process reading it (a benchmark's load generator) about half a
 * millisecond of CPU per request.
 */
export function textTail(limit: number) {
  let chunks: string[] = [];
  let length = 0;
  return {
    push(text: string) {
      chunks.push(text);
      length += text.length;
      // Whole chunks leave from the front once the rest still holds the tail.
      while (chunks.length > 1 && length - (chunks[0] as string).length >= limit) {
        length -= (chunks.shift() as string).length;
      }
    },
    text(): string {
      const joined = chunks.join("").slice(-limit);
      chunks = [joined];
      length = joined.length;
      return joined;
    },
  };
}
