// Runs ffmpeg or ffprobe as a child process: no shell, stdin closed, killed (SIGKILL) when the
// signal aborts, stdout capped. A child's memory is its own, so a decoder that balloons on a
// hostile file cannot take the server with it; the deadline bounds the time it may take.
import { spawn } from "node:child_process";

export class ToolError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ToolError";
  }
}

export type ToolOptions = { signal: AbortSignal; maxStdoutBytes?: number };

const STDERR_TAIL = 2048;
const DEFAULT_MAX_STDOUT = 1024 * 1024;

/** Resolves with stdout when the tool exits 0; otherwise rejects with the last stderr line. */
export function runTool(binary: string, args: readonly string[], options: ToolOptions): Promise<Buffer> {
  const maxStdout = options.maxStdoutBytes ?? DEFAULT_MAX_STDOUT;
  const name = binary.split(/[\\/]/).at(-1) ?? binary;
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) return reject(timedOut(name, options.signal));
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = "";
    let failure: ToolError | null = null;
    const kill = (error: ToolError) => {
      failure ??= error;
      child.kill("SIGKILL");
    };
    const onAbort = () => kill(timedOut(name, options.signal));
    options.signal.addEventListener("abort", onAbort, { once: true });
    child.stdout.on("data", (chunk: Buffer) => {
      stdoutBytes += chunk.byteLength;
      if (stdoutBytes > maxStdout) return kill(new ToolError(`${name} wrote more than ${maxStdout} bytes`));
      stdout.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-STDERR_TAIL);
    });
    child.on("error", (error) => {
      failure ??= new ToolError(`${name} could not run: ${error.message}`, { cause: error });
    });
    child.on("close", (code, signal) => {
      options.signal.removeEventListener("abort", onAbort);
      if (failure) return reject(failure);
      if (code === 0) return resolve(Buffer.concat(stdout));
      const last = stderr.trim().split("\n").at(-1)?.trim();
      reject(new ToolError(`${name} failed (${signal ?? `exit ${code}`})${last ? `: ${last}` : ""}`));
    });
  });
}

function timedOut(name: string, signal: AbortSignal): ToolError {
  const reason =
    signal.reason instanceof Error && signal.reason.name !== "TimeoutError" ? signal.reason.message : null;
  return new ToolError(reason ? `${name} stopped: ${reason}` : `${name} timed out`);
}
