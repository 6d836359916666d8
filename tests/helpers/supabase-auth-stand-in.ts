// A local stand-in for the few Supabase Auth (GoTrue) endpoints Atelier calls, faithful
// enough for the real supabase-js / @supabase/ssr clients inside the app:
//   GET  /auth/v1/.well-known/jwks.json        public ES256 key (with kid) → getClaims verifies locally
//   POST /auth/v1/token?grant_type=pkce         { auth_code, code_verifier } → session
//   POST /auth/v1/token?grant_type=refresh_token { refresh_token } → rotated session
//   GET  /auth/v1/user                          Bearer access token → user
//   POST /auth/v1/logout?scope=…                Bearer access token → 204
//   POST /auth/v1/admin/users                   createUser (secret key only)
//   POST /auth/v1/admin/generate_link           magic link: hashed_token (secret key only)
//   POST /auth/v1/verify                        { type, token_hash } → session
// Errors use GoTrue's 2024-01-01 shape: header X-Supabase-Api-Version, body { code, message }.
// Every request is recorded so tests can assert on what the app sent.
import {
  createHash,
  createHmac,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  randomUUID,
  sign,
  verify,
} from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const PUBLISHABLE_KEY = "sb_publishable_test";
export const SECRET_KEY = "sb_secret_test";
const API_VERSION = "2024-01-01";

export type StandInUser = {
  id: string;
  aud: "authenticated";
  role: "authenticated";
  email: string;
  email_confirmed_at: string | null;
  phone: string;
  app_metadata: { provider: string; providers: string[] };
  user_metadata: Record<string, unknown>;
  identities: unknown[];
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
  is_anonymous: false;
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

type SigningKey = { kid: string; privateKey: KeyObject; publicKey: KeyObject };

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function createSigningKey(kid: string = randomUUID()): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { kid, privateKey, publicKey };
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** Signs a JWT: ES256 with a key pair, or HS256 with a string secret (for forgeries). */
export function signJwt(
  claims: Record<string, unknown>,
  key: SigningKey | { secret: string; kid?: string },
  header: Record<string, unknown> = {},
): string {
  const isHmac = "secret" in key;
  const head = b64url(
    JSON.stringify({ alg: isHmac ? "HS256" : "ES256", typ: "JWT", kid: key.kid, ...header }),
  );
  const input = `${head}.${b64url(JSON.stringify(claims))}`;
  const signature = isHmac
    ? createHmac("sha256", key.secret).update(input).digest()
    : sign("sha256", Buffer.from(input), { key: key.privateKey, dsaEncoding: "ieee-p1363" });
  return `${input}.${b64url(signature)}`;
}

/** The cookie value @supabase/ssr writes for a stored item (its default "base64url" encoding). */
export function ssrCookieValue(item: unknown): string {
  return `base64-${b64url(JSON.stringify(item))}`;
}

/** PKCE S256 challenge for a verifier, as auth-js computes it. */
export function codeChallenge(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

export type SupabaseAuthStandIn = Awaited<ReturnType<typeof startSupabaseAuthStandIn>>;

export async function startSupabaseAuthStandIn(options: { accessTokenTtl?: number } = {}) {
  const ttl = options.accessTokenTtl ?? 3600;
  const key = createSigningKey();
  const users = new Map<string, StandInUser>();
  const authCodes = new Map<string, { userId: string; challenge: string; provider: string }>();
  const emailTokens = new Map<string, string>(); // hashed_token → user id
  const sessions = new Map<string, string>(); // session id → user id
  const refreshTokens = new Map<string, { sessionId: string; revoked: boolean }>();
  const requests: RecordedRequest[] = [];
  let baseUrl = "";

  const findByEmail = (email: string) => [...users.values()].find((u) => u.email === email.toLowerCase());

  function createUser(input: {
    email: string;
    provider?: string;
    confirmed?: boolean;
    user_metadata?: Record<string, unknown>;
  }): StandInUser {
    const now = new Date().toISOString();
    const provider = input.provider ?? "email";
    const user: StandInUser = {
      id: randomUUID(),
      aud: "authenticated",
      role: "authenticated",
      email: input.email.toLowerCase(),
      email_confirmed_at: input.confirmed === false ? null : now,
      phone: "",
      app_metadata: { provider, providers: [provider] },
      user_metadata: input.user_metadata ?? {},
      identities: [],
      created_at: now,
      updated_at: now,
      last_sign_in_at: null,
      is_anonymous: false,
    };
    users.set(user.id, user);
    return user;
  }

  function accessToken(user: StandInUser, sessionId: string, expiresAt: number, method: string): string {
    return signJwt(
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
      key,
    );
  }

  /** Starts a session for a user, as a successful sign-in would. */
  function issueSession(
    user: StandInUser,
    opts: { expiresIn?: number; method?: string; sessionId?: string } = {},
  ): StandInSession {
    const sessionId = opts.sessionId ?? randomUUID();
    sessions.set(sessionId, user.id);
    const expiresIn = opts.expiresIn ?? ttl;
    const expiresAt = Math.floor(Date.now() / 1000) + expiresIn;
    const refreshToken = randomBytes(9).toString("base64url");
    refreshTokens.set(refreshToken, { sessionId, revoked: false });
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

  /** What GET /authorize + the provider round trip would leave: a one-time code bound to a PKCE challenge. */
  function issueAuthCode(user: StandInUser, verifier: string): string {
    const code = randomUUID();
    authCodes.set(code, {
      userId: user.id,
      challenge: codeChallenge(verifier),
      provider: user.app_metadata.provider,
    });
    return code;
  }

  function verifyAccessToken(header: string | undefined): { user: StandInUser; sessionId: string } {
    const token = header?.match(/^Bearer (.+)$/i)?.[1];
    if (!token) throw new HttpError(401, "no_authorization", "This endpoint requires a valid Bearer token");
    const [head, payload, signature] = token.split(".");
    const invalid = () => new HttpError(403, "bad_jwt", "invalid JWT: unable to parse or verify signature");
    if (!head || !payload || signature === undefined) throw invalid();
    let claims: { sub?: string; exp?: number; session_id?: string };
    let alg: unknown;
    try {
      alg = JSON.parse(Buffer.from(head, "base64url").toString()).alg;
      claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    } catch {
      throw invalid();
    }
    const valid =
      alg === "ES256" &&
      verify(
        "sha256",
        Buffer.from(`${head}.${payload}`),
        { key: key.publicKey, dsaEncoding: "ieee-p1363" },
        Buffer.from(signature, "base64url"),
      );
    if (!valid) throw invalid();
    if (!claims.exp || claims.exp * 1000 <= Date.now())
      throw new HttpError(403, "bad_jwt", "invalid JWT: token is expired");
    const user = claims.sub ? users.get(claims.sub) : undefined;
    if (!user) throw new HttpError(403, "user_not_found", "User from sub claim in JWT does not exist");
    if (!claims.session_id || sessions.get(claims.session_id) !== user.id)
      throw new HttpError(403, "session_not_found", "Session from session_id claim in JWT does not exist");
    return { user, sessionId: claims.session_id };
  }

  function requireApiKey(req: IncomingMessage, admin: boolean): void {
    const apikey = req.headers.apikey;
    if (apikey !== PUBLISHABLE_KEY && apikey !== SECRET_KEY)
      throw new HttpError(401, "no_api_key", "Invalid API key");
    if (admin && apikey !== SECRET_KEY) throw new HttpError(403, "not_admin", "User not allowed");
  }

  function route(req: IncomingMessage, url: URL, body: Record<string, unknown>): [number, unknown] {
    const path = url.pathname.replace(/^\/auth\/v1/, "");
    const grant = url.searchParams.get("grant_type");
    if (req.method === "GET" && path === "/.well-known/jwks.json") {
      const jwk = key.publicKey.export({ format: "jwk" });
      return [
        200,
        { keys: [{ ...jwk, kid: key.kid, alg: "ES256", use: "sig", key_ops: ["verify"], ext: true }] },
      ];
    }
    requireApiKey(req, path.startsWith("/admin/"));

    if (req.method === "POST" && path === "/token" && grant === "pkce") {
      const { auth_code: code, code_verifier: verifier } = body;
      if (typeof code !== "string" || !code || typeof verifier !== "string" || !verifier)
        throw new HttpError(
          400,
          "validation_failed",
          "invalid request: both auth code and code verifier should be non-empty",
        );
      const flow = authCodes.get(code);
      if (!flow)
        throw new HttpError(404, "flow_state_not_found", "invalid flow state, no valid flow state found");
      authCodes.delete(code); // single use, whatever the outcome
      if (codeChallenge(verifier) !== flow.challenge)
        throw new HttpError(
          403,
          "bad_code_verifier",
          "code challenge does not match previously saved code verifier",
        );
      const user = users.get(flow.userId);
      if (!user) throw new HttpError(404, "user_not_found", "User not found");
      return [200, issueSession(user, { method: "oauth" })];
    }

    if (req.method === "POST" && path === "/token" && grant === "refresh_token") {
      const token = typeof body.refresh_token === "string" ? body.refresh_token : "";
      const stored = refreshTokens.get(token);
      const userId = stored ? sessions.get(stored.sessionId) : undefined;
      const user = userId ? users.get(userId) : undefined;
      if (!stored || stored.revoked || !user)
        throw new HttpError(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
      stored.revoked = true;
      return [200, issueSession(user, { sessionId: stored.sessionId, method: "password" })];
    }

    if (req.method === "GET" && path === "/user")
      return [200, verifyAccessToken(req.headers.authorization).user];

    if (req.method === "POST" && path === "/logout") {
      const { user, sessionId } = verifyAccessToken(req.headers.authorization);
      const scope = url.searchParams.get("scope") ?? "global";
      for (const [id, owner] of sessions) {
        const hit = scope === "local" ? id === sessionId : scope === "others" ? id !== sessionId : true;
        if (owner === user.id && hit) sessions.delete(id);
      }
      return [204, null];
    }

    if (req.method === "POST" && path === "/admin/users") {
      if (typeof body.email !== "string" || !body.email.includes("@"))
        throw new HttpError(400, "validation_failed", "Unable to validate email address: invalid format");
      if (findByEmail(body.email))
        throw new HttpError(
          422,
          "email_exists",
          "A user with this email address has already been registered",
        );
      const meta = body.user_metadata;
      return [
        200,
        createUser({
          email: body.email,
          confirmed: body.email_confirm === true,
          user_metadata: typeof meta === "object" && meta ? (meta as Record<string, unknown>) : {},
        }),
      ];
    }

    if (req.method === "POST" && path === "/admin/generate_link") {
      if (typeof body.email !== "string" || !body.email.includes("@"))
        throw new HttpError(400, "validation_failed", "Unable to validate email address: invalid format");
      if (body.type !== "magiclink")
        throw new HttpError(
          400,
          "validation_failed",
          `Invalid email action link type requested: ${body.type}`,
        );
      // Like GoTrue, a magic link for an unknown address becomes a signup.
      const existing = findByEmail(body.email);
      const user = existing ?? createUser({ email: body.email, confirmed: false });
      const otp = String(randomBytes(3).readUIntBE(0, 3) % 1_000_000).padStart(6, "0");
      const hashedToken = createHash("sha224")
        .update(user.email + otp)
        .digest("hex");
      emailTokens.set(hashedToken, user.id);
      const type = existing ? "magiclink" : "signup";
      return [
        200,
        {
          ...user,
          action_link: `${baseUrl}/auth/v1/verify?token=${hashedToken}&type=${type}`,
          email_otp: otp,
          hashed_token: hashedToken,
          verification_type: type,
          redirect_to: "",
        },
      ];
    }

    if (req.method === "POST" && path === "/verify") {
      const hash = typeof body.token_hash === "string" ? body.token_hash : "";
      const accepted = ["email", "magiclink", "signup"].includes(String(body.type));
      const user = accepted ? users.get(emailTokens.get(hash) ?? "") : undefined;
      if (!user) throw new HttpError(403, "otp_expired", "Email link is invalid or has expired");
      emailTokens.delete(hash);
      user.email_confirmed_at ??= new Date().toISOString();
      return [200, issueSession(user, { method: "otp" })];
    }

    throw new HttpError(404, "not_found", `stand-in does not implement ${req.method} ${url.pathname}`);
  }

  function send(res: ServerResponse, status: number, payload: unknown): void {
    res.setHeader("X-Supabase-Api-Version", API_VERSION);
    if (payload === null) {
      res.writeHead(status).end();
      return;
    }
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
  }

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString();
    const url = new URL(req.url ?? "/", baseUrl);
    let body: Record<string, unknown> | null = null;
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
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
      const [status, payload] = route(req, url, body ?? {});
      send(res, status, payload);
    } catch (error) {
      if (error instanceof HttpError) send(res, error.status, { code: error.code, message: error.message });
      else send(res, 500, { code: "unexpected_failure", message: String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    /** supabase-js names its storage (and so the ssr cookies) after the first host label. */
    storageKey: `sb-${new URL(baseUrl).hostname.split(".")[0]}-auth-token`,
    signingKey: key,
    requests,
    users,
    createUser,
    findUserByEmail: findByEmail,
    issueSession,
    issueAuthCode,
    /** Requests to one endpoint, e.g. requestsTo("POST", "/auth/v1/admin/users"). */
    requestsTo: (method: string, path: string) =>
      requests.filter((r) => r.method === method && r.path === path),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
