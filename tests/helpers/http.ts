// A small HTTP client with a cookie jar, so a test acts like one browser.
import { checkAgainstContract } from "./contract-check";
import { latestSignInCode, mailCaptureFor } from "./mail-capture";

export type Reply<T = unknown> = { status: number; body: T; headers: Headers };

export class Client {
  private cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...this.defaultHeaders, ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    let body = options.body;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    }
    const res = await fetch(new URL(path, this.baseUrl), { method, headers, body, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) this.storeCookie(line);
    const text = await res.text();
    let parsed: unknown = text;
    const contentType = res.headers.get("content-type") ?? "";
    if (contentType.includes("json") && text) parsed = JSON.parse(text);
    checkAgainstContract(method, new URL(path, this.baseUrl), res.status, contentType, parsed);
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = Record<string, unknown>>(path: string, headers?: Record<string, string>) {
    return this.request<T>("GET", path, { headers });
  }

  post<T = Record<string, unknown>>(path: string, json?: unknown, headers?: Record<string, string>) {
    return this.request<T>("POST", path, { json, headers });
  }

  private storeCookie(line: string): void {
    const [pair, ...attributes] = line.split(";");
    const index = pair?.indexOf("=") ?? -1;
    if (!pair || index < 0) return;
    const name = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
    if (expired) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

/** The newest sign-in code mailed to an address by the app the client talks to. */
export async function latestCode(client: Client, email: string): Promise<string> {
  const code = latestSignInCode(mailCaptureFor(client.baseUrl).messages(email));
  if (!code) throw new Error(`no code was mailed to ${email}`);
  return code;
}

/** Signs a fresh client in through the real email-code flow. */
export async function signIn(
  baseUrl: string,
  email: string,
  headers: Record<string, string> = {},
): Promise<Client> {
  const client = new Client(baseUrl, headers);
  const requested = await client.post("/api/auth/otp", { email });
  if (requested.status !== 200) throw new Error(`otp request failed: ${requested.status}`);
  const verified = await client.post("/api/auth/otp/verify", {
    email,
    code: await latestCode(client, email),
  });
  if (verified.status !== 200)
    throw new Error(`otp verify failed: ${verified.status} ${JSON.stringify(verified.body)}`);
  return client;
}
