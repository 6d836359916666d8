// A local stand-in for Supabase Auth (GoTrue), faithful where the app's behaviour depends on
// it, for the real supabase-js / @supabase/ssr clients inside the app:
//   GET  /auth/v1/.well-known/jwks.json         ES256 public key, or none (legacy HS256 project)
//   GET  /auth/v1/authorize → /auth/v1/callback  OAuth with PKCE; redirect_to checked as GoTrue does
//   POST /auth/v1/token?grant_type=pkce|refresh_token|password   rate-limited per client address
//   POST /auth/v1/signup                        anyone may sign up with email + password
//   POST /auth/v1/verify                        { type, token_hash } → session; rate-limited
//   GET  /auth/v1/user, POST /auth/v1/logout    Bearer access token
//   /auth/v1/admin/*                            users and magic links (secret key only)
// Errors use GoTrue's 2024-01-01 shape: header X-Supabase-Api-Version, body { code, message }.
// Refresh-token reuse, redirect and rate-limit rules live in the supabase-stand-in-* modules.
// Every request is recorded so tests can assert on what the app sent.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Sql } from "postgres";
import { adminRoute } from "./supabase-stand-in-admin";
import {
  createSigningKey,
  HttpError,
  jwksOf,
  type ProjectKey,
  signWithProject,
  verifyWithProject,
} from "./supabase-stand-in-crypto";
import { createRateLimiter, type RateLimit, rateLimitKey } from "./supabase-stand-in-policy";
import { createRefreshTokens } from "./supabase-stand-in-refresh";
import { createSignInFlows } from "./supabase-stand-in-sign-in";
import { createUserStore, type NewUser, type StandInUser } from "./supabase-stand-in-users";

export { codeChallenge, createSigningKey, signJwt, ssrCookieValue } from "./supabase-stand-in-crypto";
export type { StandInUser } from "./supabase-stand-in-users";

export const PUBLISHABLE_KEY = "sb_publishable_test";
export const SECRET_KEY = "sb_secret_test";
const API_VERSION = "2024-01-01";

export type StandInOptions = {
  accessTokenTtl?: number;
  /** ES256 (asymmetric keys, the default) or HS256 (a legacy project's shared JWT secret). */
  signing?: "ES256" | "HS256";
  /** Site URL; hosted projects start with http://localhost:3000. */
  siteUrl?: string;
  redirectAllowList?: string[];
  /** Per client address; hosted defaults: /token 150, /verify 30 per 5 minutes, 30 of burst. */
  rateLimits?: { token?: RateLimit; verify?: RateLimit };
  /** Authentication → Rate Limits → IP address forwarding (off for new projects). */
  ipForwarding?: boolean;
  refreshTokenReuseInterval?: number;
  /** Email provider with sign-ups on (the default) and "Confirm email" off or on. */
  emailSignups?: boolean;
  autoconfirm?: boolean;
};

export type StandInSession = {
  access_token: string;
  token_type: "bearer";
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: StandInUser;
};

export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown> | null;
};

type Failure = { status: number } | "network";

export type SupabaseAuthStandIn = Awaited<ReturnType<typeof startSupabaseAuthStandIn>>;

const registry = new Map<string, SupabaseAuthStandIn>();

/** Lets the app helper point a stand-in at the app's database (tests/helpers/app.ts). */
export async function attachStandInDatabase(url: string, sql: Sql): Promise<void> {
  await registry.get(url)?.attachDatabase(sql);
}

export async function startSupabaseAuthStandIn(options: StandInOptions = {}) {
  const ttl = options.accessTokenTtl ?? 3600;
  const project: ProjectKey =
    options.signing === "HS256"
      ? { alg: "HS256", secret: randomBytes(32).toString("hex") }
      : { alg: "ES256", key: createSigningKey() };
  let clockOffsetMs = 0;
  const now = () => Date.now() + clockOffsetMs;
  const limits = {
    token: createRateLimiter(options.rateLimits?.token ?? { perFiveMinutes: 150, burst: 30 }, now),
    verify: createRateLimiter(options.rateLimits?.verify ?? { perFiveMinutes: 30, burst: 30 }, now),
  };
  const users = createUserStore();
  const refreshTokens = createRefreshTokens({
    reuseIntervalSeconds: options.refreshTokenReuseInterval ?? 10,
    now,
  });
  const emailTokens = new Map<string, string>();
  const sessions = new Map<string, string>(); // session id → user id
  const requests: RecordedRequest[] = [];
  let refreshFailure: Failure | null = null;
  let baseUrl = "";

  function accessToken(user: StandInUser, sessionId: string, expiresAt: number, method: string): string {
    return signWithProject(
      {
        iss: `${baseUrl}/auth/v1`,
        sub: user.id,
        aud: "authenticated",
        exp: expiresAt,
        iat: expiresAt - ttl,
        email: user.email,
        phone: "",
        app_metadata: user.app_metadata,
        user_metadata: user.user_metadata,
        role: "authenticated",
        aal: "aal1",
        amr: [{ method, timestamp: expiresAt - ttl }],
        session_id: sessionId,
        is_anonymous: false,
      },
      project,
    );
  }

  function sessionResponse(
    user: StandInUser,
    sessionId: string,
    refreshToken: string,
    opts: { expiresIn?: number; method?: string } = {},
  ): StandInSession {
    const expiresIn = opts.expiresIn ?? ttl;
    const expiresAt = Math.floor(Date.now() / 1000) + expiresIn;
    user.last_sign_in_at = new Date().toISOString();
    return {
      access_token: accessToken(user, sessionId, expiresAt, opts.method ?? "password"),
      token_type: "bearer",
      expires_in: expiresIn,
      expires_at: expiresAt,
      refresh_token: refreshToken,
      user,
    };
  }

  /** Starts a session for a user, as a successful sign-in would. */
  function issueSession(
    user: StandInUser,
    opts: { expiresIn?: number; method?: string } = {},
  ): StandInSession {
    const sessionId = randomUUID();
    sessions.set(sessionId, user.id);
    return sessionResponse(user, sessionId, refreshTokens.issue(sessionId), opts);
  }

  const flows = createSignInFlows({
    users,
    siteUrl: options.siteUrl ?? "http://localhost:3000",
    allowList: options.redirectAllowList ?? [],
    baseUrl: () => baseUrl,
    issueSession,
    emailSignups: options.emailSignups !== false,
    autoconfirm: options.autoconfirm === true,
  });

  function endSessions(userId: string): void {
    for (const [id, owner] of sessions)
      if (owner === userId) {
        sessions.delete(id);
        refreshTokens.revokeFamily(id);
      }
  }

  function verifyAccessToken(header: string | undefined): { user: StandInUser; sessionId: string } {
    const token = header?.match(/^Bearer (.+)$/i)?.[1];
    if (!token) throw new HttpError(401, "no_authorization", "This endpoint requires a valid Bearer token");
    const claims = verifyWithProject(token, project) as {
      sub?: string;
      exp?: number;
      session_id?: string;
    } | null;
    if (!claims) throw new HttpError(403, "bad_jwt", "invalid JWT: unable to parse or verify signature");
    if (!claims.exp || claims.exp * 1000 <= Date.now())
      throw new HttpError(403, "bad_jwt", "invalid JWT: token is expired");
    const user = claims.sub ? users.byId(claims.sub) : undefined;
    if (!user) throw new HttpError(403, "user_not_found", "User from sub claim in JWT does not exist");
    if (!claims.session_id || sessions.get(claims.session_id) !== user.id)
      throw new HttpError(403, "session_not_found", "Session from session_id claim in JWT does not exist");
    return { user, sessionId: claims.session_id };
  }

  function apiKeyOf(req: IncomingMessage, admin: boolean): string {
    const apikey = req.headers.apikey;
    if (apikey !== PUBLISHABLE_KEY && apikey !== SECRET_KEY)
      throw new HttpError(401, "no_api_key", "Invalid API key");
    if (admin && apikey !== SECRET_KEY) throw new HttpError(403, "not_admin", "User not allowed");
    return apikey;
  }

  function limit(kind: "token" | "verify", req: IncomingMessage, apikey: string): void {
    const key = rateLimitKey({
      peer: req.socket.remoteAddress?.replace(/^::ffff:/, ""),
      forwardedFor: req.headers["sb-forwarded-for"] as string | undefined,
      secretKey: apikey === SECRET_KEY,
      ipForwarding: options.ipForwarding ?? false,
    });
    if (!limits[kind].take(key))
      throw new HttpError(429, "over_request_rate_limit", "Request rate limit reached");
  }

  const text = (value: unknown) => (typeof value === "string" ? value : "");

  async function route(
    req: IncomingMessage,
    url: URL,
    body: Record<string, unknown>,
  ): Promise<[number, unknown]> {
    const path = url.pathname.replace(/^\/auth\/v1/, "");
    const method = req.method ?? "GET";
    const grant = url.searchParams.get("grant_type");
    if (method === "GET" && path === "/.well-known/jwks.json") return [200, jwksOf(project)];
    // Browser navigations: no API key.
    if (method === "GET" && path === "/authorize") return flows.authorize(url);
    if (method === "GET" && path === "/callback") return flows.providerCallback(url);

    const apikey = apiKeyOf(req, path.startsWith("/admin/"));
    if (path.startsWith("/admin/"))
      return adminRoute({ users, emailTokens, baseUrl: () => baseUrl, endSessions }, method, path, body);

    if (method === "POST" && path === "/token") {
      limit("token", req, apikey);
      if (grant === "pkce") return [200, flows.exchangeCode(text(body.auth_code), text(body.code_verifier))];
      if (grant === "refresh_token") return refresh(text(body.refresh_token));
      if (grant === "password") return [200, flows.passwordGrant(text(body.email), text(body.password))];
      throw new HttpError(400, "validation_failed", "unsupported_grant_type");
    }
    if (method === "POST" && path === "/signup") return flows.signUp(text(body.email), text(body.password));
    if (method === "POST" && path === "/verify") {
      limit("verify", req, apikey);
      const hash = text(body.token_hash);
      const accepted = ["email", "magiclink", "signup"].includes(String(body.type));
      const user = accepted ? users.byId(emailTokens.get(hash) ?? "") : undefined;
      if (!user) throw new HttpError(403, "otp_expired", "Email link is invalid or has expired");
      emailTokens.delete(hash);
      user.email_confirmed_at ??= new Date().toISOString();
      return [200, issueSession(user, { method: "otp" })];
    }
    if (method === "GET" && path === "/user") return [200, verifyAccessToken(req.headers.authorization).user];
    if (method === "POST" && path === "/logout") {
      const { user, sessionId } = verifyAccessToken(req.headers.authorization);
      const scope = url.searchParams.get("scope") ?? "global";
      for (const [id, owner] of sessions) {
        const hit = scope === "local" ? id === sessionId : scope === "others" ? id !== sessionId : true;
        if (owner === user.id && hit) {
          sessions.delete(id);
          refreshTokens.revokeFamily(id);
        }
      }
      return [204, null];
    }
    throw new HttpError(404, "not_found", `stand-in does not implement ${method} ${url.pathname}`);
  }

  function refresh(token: string): [number, unknown] {
    if (refreshFailure === "network") return [-1, null];
    if (refreshFailure)
      throw new HttpError(refreshFailure.status, "unexpected_failure", "Unexpected failure");
    const next = refreshTokens.refresh(token, (id) => sessions.has(id));
    const user = users.byId(sessions.get(next.sessionId) ?? "");
    if (!user)
      throw new HttpError(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
    return [200, sessionResponse(user, next.sessionId, next.token, { method: "token_refresh" })];
  }

  function send(res: ServerResponse, status: number, payload: unknown): void {
    res.setHeader("X-Supabase-Api-Version", API_VERSION);
    if (status === 302) res.writeHead(302, { location: String(payload) }).end();
    else if (payload === null) res.writeHead(status).end();
    else res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
  }

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString();
    const url = new URL(req.url ?? "/", baseUrl);
    let body: Record<string, unknown> | null = null;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
    } catch {
      send(res, 400, { code: "bad_json", message: "Could not parse request body as JSON" });
      return;
    }
    requests.push({
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
    });
    try {
      const [status, payload] = await route(req, url, body ?? {});
      if (status < 0) req.socket.destroy();
      else send(res, status, payload);
    } catch (error) {
      if (error instanceof HttpError) send(res, error.status, { code: error.code, message: error.message });
      else send(res, 500, { code: "unexpected_failure", message: String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const standIn = {
    url: baseUrl,
    /** supabase-js names its storage (and so the ssr cookies) after the first host label. */
    storageKey: `sb-${new URL(baseUrl).hostname.split(".")[0]}-auth-token`,
    signingKey: project.alg === "ES256" ? project.key : createSigningKey(),
    jwtSecret: project.alg === "HS256" ? project.secret : null,
    requests,
    users: users.users,
    createUser: (input: NewUser) => users.create(input),
    updateUser: (user: StandInUser, patch: Parameters<typeof users.update>[1]) => users.update(user, patch),
    /** Deletes a user as the dashboard does: sessions end, the auth.users row goes (with its cascades). */
    deleteUser: async (user: StandInUser) => {
      endSessions(user.id);
      await users.remove(user);
    },
    findUserByEmail: users.byEmail,
    findUser: (predicate: (user: StandInUser) => boolean) => [...users.users.values()].find(predicate),
    issueSession,
    issueAuthCode: flows.issueAuthCode,
    setProviderAccount: flows.setProviderAccount,
    /** Makes refresh-token grants fail (an HTTP status, or the connection dropped) until cleared. */
    failRefreshes: (failure: Failure | null) => {
      refreshFailure = failure;
    },
    /** Moves the stand-in's clock (refresh-token reuse, rate-limit refills), not the app's. */
    advanceClock: (seconds: number) => {
      clockOffsetMs += seconds * 1000;
    },
    attachDatabase: (sql: Sql) => users.attach(sql),
    /** Requests to one endpoint, e.g. requestsTo("POST", "/auth/v1/admin/users"). */
    requestsTo: (method: string, path: string) =>
      requests.filter((r) => r.method === method && r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        registry.delete(baseUrl);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  registry.set(baseUrl, standIn);
  return standIn;
}

/** What an app needs in its environment to run in Supabase mode against this stand-in. */
export function supabaseEnv(standIn: { url: string }): Record<string, string> {
  return {
    NEXT_PUBLIC_SUPABASE_URL: standIn.url,
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
    SUPABASE_SECRET_KEY: SECRET_KEY,
  };
}
