// Messages between the server thread and the media worker. Plain data only: they are
// structured-cloned across threads, so errors travel as code and message.
import type { OutputLimits } from "@/lib/media/process-file";
import type { MediaErrorCode, MediaKind, MediaOutput, MediaSource } from "@/lib/media/types";

/** One output file to copy into storage. */
export type FileTask = {
  generationId: string;
  userId: string;
  attempt: string;
  kind: MediaKind;
  allowedHosts: readonly string[];
  limits: OutputLimits;
  source: MediaSource;
  index: number;
};

export type ToWorker =
  | { type: "file"; id: number; task: FileTask }
  // The server thread's answer to "acquire": the encoding permit is now held for the worker.
  | { type: "granted"; permit: number };

export type FromWorker =
  | { type: "acquire"; permit: number }
  | { type: "release"; permit: number }
  | { type: "storing"; id: number; path: string }
  | { type: "done"; id: number; output: MediaOutput }
  | { type: "failed"; id: number; code: MediaErrorCode; message: string };
