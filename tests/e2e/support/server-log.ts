import { readFileSync } from "node:fs";

// The app server of tests/e2e/global-setup.ts writes everything it prints to this file: its
// structured log, one JSON object per line, each with its own `time`.
function serverLogFile(): string {
  const file = process.env.E2E_SERVER_LOG;
  if (!file) throw new Error("E2E_SERVER_LOG is not set: run through playwright.config.ts");
  return file;
}

type LogLine = { level: string; time: string; message: string } & Record<string, unknown>;

export function serverLogLines(): LogLine[] {
  return readFileSync(serverLogFile(), "utf8")
    .split("\n")
    .flatMap((line) => {
      if (!line.startsWith("{")) return [];
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
}

/** When the server logged `message` about a generation (ms since the epoch), or null. */
export function loggedAt(message: string, generationId: string): number | null {
  const line = serverLogLines().find((l) => l.message === message && l.generationId === generationId);
  return line ? Date.parse(line.time) : null;
}
