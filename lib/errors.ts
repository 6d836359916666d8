// One error type for expected failures; the API wrapper maps its code to an HTTP status and
// answers `{ "error": { "code", "message", "field"? } }`. Anything else is a bug:
// logged in full, answered as a generic 500.
export const ERROR_CODES = [
  "bad_request",
  "unauthorized",
  "payment_required",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "unprocessable",
  "rate_limited",
  "unavailable",
  // Answered by routes themselves rather than thrown:
  "range_not_satisfiable",
  "live_unavailable",
  "internal",
] as const;
/** Every code the API answers with: the stable list clients may switch on. */
export type ErrorCode = (typeof ERROR_CODES)[number];
/** The codes an AppError carries; the last three are answered directly. */
export type AppErrorCode = Exclude<ErrorCode, "range_not_satisfiable" | "live_unavailable" | "internal">;

export const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

export type AppErrorOptions = {
  /** The input field at fault (dotted path), so a form can put the message beside it. */
  field?: string;
  headers?: Record<string, string>;
  /** More facts for code, beside `code` and `message` (e.g. the balance on a 402). */
  details?: Record<string, unknown>;
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly field: string | undefined;
  readonly headers: Record<string, string>;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
    this.headers = options.headers ?? {};
    this.details = options.details;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
