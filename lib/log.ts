// Structured logs: one JSON object per line, so production log drains can query them.
type Level = "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

function write(level: Level, message: string, fields: LogFields): void {
  const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...fields }, errorReplacer);
  // Straight to the file descriptors: frameworks wrap console.* per call, which costs more
  // than the line itself on a busy route.
  (level === "info" ? process.stdout : process.stderr).write(`${line}\n`);
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export type Logger = {
  info: (message: string, fields?: LogFields) => void;
  warn: (message: string, fields?: LogFields) => void;
  error: (message: string, fields?: LogFields) => void;
  child: (fields: LogFields) => Logger;
};

export function createLogger(base: LogFields = {}): Logger {
  return {
    info: (message, fields = {}) => write("info", message, { ...base, ...fields }),
    warn: (message, fields = {}) => write("warn", message, { ...base, ...fields }),
    error: (message, fields = {}) => write("error", message, { ...base, ...fields }),
    child: (fields) => createLogger({ ...base, ...fields }),
  };
}

export const log = createLogger();
