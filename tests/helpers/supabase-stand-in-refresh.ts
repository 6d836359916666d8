// Refresh tokens as GoTrue rotates them (supabase/auth internal/tokens/service.go,
// RefreshTokenGrant): each use revokes the token and issues a child. A revoked token is still
// accepted when it is the parent of the session's active token (the client lost the answer;
// the active token is handed back, no new one is made) or when it was revoked less than the
// reuse interval ago (hosted default 10 s: concurrent refreshes get a fresh child). Any other
// reuse is treated as theft: the whole session's token family is revoked and the request
// answers 400 refresh_token_already_used.
import { randomBytes } from "node:crypto";
import { HttpError } from "./supabase-stand-in-crypto";

type TokenRecord = { sessionId: string; parent: string | null; revoked: boolean; updatedAt: number };

// Current GoTrue tokens are 12 lower-case letters and digits; shorter ones fail validation.
const TOKEN_SHAPE = /^[a-z0-9]{12}$/;
const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

function newToken(): string {
  return [...randomBytes(12)].map((byte) => ALPHABET[byte % ALPHABET.length]).join("");
}

export function createRefreshTokens(options: { reuseIntervalSeconds: number; now: () => number }) {
  const tokens = new Map<string, TokenRecord>();

  function issue(sessionId: string, parent: string | null = null): string {
    const token = newToken();
    tokens.set(token, { sessionId, parent, revoked: false, updatedAt: options.now() });
    return token;
  }

  // As GoTrue does it: `revoked = true, updated_at = now()` for the ones still live, which
  // opens a reuse interval for them too.
  function revokeFamily(sessionId: string): void {
    for (const record of tokens.values())
      if (record.sessionId === sessionId && !record.revoked) {
        record.revoked = true;
        record.updatedAt = options.now();
      }
  }

  function active(sessionId: string): string | undefined {
    let newest: [string, TokenRecord] | undefined;
    for (const entry of tokens)
      if (entry[1].sessionId === sessionId && !entry[1].revoked)
        if (!newest || entry[1].updatedAt >= newest[1].updatedAt) newest = entry;
    return newest?.[0];
  }

  return {
    issue,
    /** The token to hand out for a refresh with `token`; `sessionAlive` says whether its session exists. */
    refresh(
      token: string,
      sessionAlive: (sessionId: string) => boolean,
    ): { sessionId: string; token: string } {
      if (token.length < 12 || (token.length === 12 && !TOKEN_SHAPE.test(token)))
        throw new HttpError(400, "validation_failed", "Refresh token is not valid");
      const record = tokens.get(token);
      if (!record || !sessionAlive(record.sessionId))
        throw new HttpError(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
      const { sessionId } = record;
      if (!record.revoked) {
        record.revoked = true;
        record.updatedAt = options.now();
        return { sessionId, token: issue(sessionId, token) };
      }
      const current = active(sessionId);
      if (current && tokens.get(current)?.parent === token) return { sessionId, token: current };
      if (options.now() <= record.updatedAt + options.reuseIntervalSeconds * 1000)
        return { sessionId, token: issue(sessionId, token) };
      revokeFamily(sessionId);
      throw new HttpError(400, "refresh_token_already_used", "Invalid Refresh Token: Already Used");
    },
    revokeFamily,
  };
}
