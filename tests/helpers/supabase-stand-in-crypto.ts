// Signing and wire helpers of the Supabase Auth stand-in (tests/helpers/supabase-auth-stand-in.ts).
// A project signs access tokens either with an asymmetric key published in its JWKS (ES256, the
// default for new projects) or, in legacy projects, with the shared HS256 JWT secret, whose JWKS
// is empty: auth-js then cannot verify locally and asks GET /user instead.
import {
  createHash,
  createHmac,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
  sign,
  timingSafeEqual,
  verify,
} from "node:crypto";

export type SigningKey = { kid: string; privateKey: KeyObject; publicKey: KeyObject };
export type ProjectKey = { alg: "ES256"; key: SigningKey } | { alg: "HS256"; secret: string };

/** An error answered in GoTrue's 2024-01-01 shape: `{ code, message }` with the status. */
export class HttpError extends Error {
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

export const b64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** Signs a JWT: ES256 with a key pair, or HS256 with a string secret (legacy projects, forgeries). */
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

export function signWithProject(claims: Record<string, unknown>, project: ProjectKey): string {
  return project.alg === "ES256" ? signJwt(claims, project.key) : signJwt(claims, { secret: project.secret });
}

/** The claims of a token this project signed, or null (bad signature, other algorithm, garbage). */
export function verifyWithProject(token: string, project: ProjectKey): Record<string, unknown> | null {
  const [head, payload, signature] = token.split(".");
  if (!head || !payload || !signature) return null;
  let alg: unknown;
  let claims: Record<string, unknown>;
  try {
    alg = JSON.parse(Buffer.from(head, "base64url").toString()).alg;
    claims = JSON.parse(Buffer.from(payload, "base64url").toString());
  } catch {
    return null;
  }
  const input = Buffer.from(`${head}.${payload}`);
  const given = Buffer.from(signature, "base64url");
  if (alg !== project.alg) return null;
  if (project.alg === "ES256") {
    const ok = verify("sha256", input, { key: project.key.publicKey, dsaEncoding: "ieee-p1363" }, given);
    return ok ? claims : null;
  }
  const expected = createHmac("sha256", project.secret).update(input).digest();
  return expected.length === given.length && timingSafeEqual(expected, given) ? claims : null;
}

/** GET /.well-known/jwks.json: the public key, or nothing at all for a legacy HS256 project. */
export function jwksOf(project: ProjectKey): { keys: Record<string, unknown>[] } {
  if (project.alg === "HS256") return { keys: [] };
  const jwk = project.key.publicKey.export({ format: "jwk" });
  return {
    keys: [{ ...jwk, kid: project.key.kid, alg: "ES256", use: "sig", key_ops: ["verify"], ext: true }],
  };
}

/** The cookie value @supabase/ssr writes for a stored item (its default "base64url" encoding). */
export function ssrCookieValue(item: unknown): string {
  return `base64-${b64url(JSON.stringify(item))}`;
}

/** PKCE S256 challenge for a verifier, as auth-js computes it. */
export function codeChallenge(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}
