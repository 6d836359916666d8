// Client-side JSON calls to our API. Errors carry the HTTP status and the API's error body
// (`error.message`, the machine `error.code`, the `error.field` at fault), so forms can put the message beside
// the right input and the query client can skip retries on 401.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null = null,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Reads the API's error body; null parts where the body is not one. */
export function readErrorBody(body: unknown): {
  message: string | null;
  code: string | null;
  field: string | null;
} {
  const record = (value: unknown) =>
    value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const error = record(record(body).error);
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return { message: text(error.message), code: text(error.code), field: text(error.field) };
}

const FALLBACK: Record<number, string> = {
  401: "Please sign in again.",
  403: "You do not have access to this.",
  404: "Not found.",
  429: "Too many requests. Wait a moment and try again.",
};

/** `json` is sent as the request body; the parsed response body is returned. */
export async function fetchJson<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(url, {
      ...rest,
      headers: {
        Accept: "application/json",
        ...(json === undefined ? {} : { "Content-Type": "application/json" }),
        ...headers,
      },
      body: json === undefined ? rest.body : JSON.stringify(json),
    });
  } catch {
    throw new ApiError(0, "Could not reach the server. Check your connection and try again.");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const { message, code, field } = readErrorBody(body);
    throw new ApiError(
      response.status,
      message ?? FALLBACK[response.status] ?? "Something went wrong. Try again.",
      code,
      field,
    );
  }
  return body as T;
}

export function isAuthError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}
