// Reads how far a job is from the logs a provider reports. Models print progress with tqdm
// (diffusers, most Cog models): `{desc}: 45%|████▌     | 13/28 [00:01<00:01, 9.12it/s]`, each
// update rewriting the line with a carriage return. Replicate hands back the whole log as text,
// fal as a list of messages; both are cumulative, so the last such line is the current one.
// Pure and shared: no server-only import.

/** tqdm's `{percentage:3.0f}%|{bar}|` with, when the total is known, ` {n}/{total}` after it. */
const TQDM = /(\d{1,3}(?:\.\d+)?)%\|[^|\r\n]*\|(?:\s*(\d+)\/(\d+))?/g;
// Colour and cursor codes some loggers add around the line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape character is the point.
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
const MAX_LINE = 300;

/** The job's progress from 0 to 1, from the last progress line in the logs; null when none. */
export function parseProgress(logs: string | null | undefined): number | null {
  if (!logs) return null;
  let last: RegExpExecArray | null = null;
  for (const match of logs.replace(ANSI, "").matchAll(TQDM)) last = match;
  if (!last) return null;
  const [, percent, done, total] = last;
  // The step count is exact where the percentage is rounded (13/28 is 46.4 %, printed 46 %).
  const value = done && total && Number(total) > 0 ? Number(done) / Number(total) : Number(percent) / 100;
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : null;
}

/** The last non-empty line of the logs (a carriage return ends a line too), trimmed and short. */
export function lastLogLine(logs: string | null | undefined): string | null {
  if (!logs) return null;
  const lines = logs.replace(ANSI, "").split(/[\r\n]+/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]?.trim();
    if (line) return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
  }
  return null;
}
