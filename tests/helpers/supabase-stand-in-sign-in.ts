// The sign-in flows of the Supabase Auth stand-in: OAuth with PKCE (GET /authorize, the
// provider's consent, GET /callback, then the code exchange), email + password sign-up and
// sign-in. GoTrue sources: internal/api/external.go, verify.go (prepPKCERedirectURL),
// signup.go, token.go.
import { randomUUID } from "node:crypto";
import type { StandInSession } from "./supabase-auth-stand-in";
import { codeChallenge, HttpError } from "./supabase-stand-in-crypto";
import { redirectTarget } from "./supabase-stand-in-policy";
import type { StandInUser, UserStore } from "./supabase-stand-in-users";

type Context = {
  users: UserStore;
  siteUrl: string;
  allowList: string[];
  baseUrl: () => string;
  issueSession: (user: StandInUser, opts?: { method?: string }) => StandInSession;
  /** The Email provider with sign-ups on (Supabase's default), and whether addresses need confirming. */
  emailSignups: boolean;
  autoconfirm: boolean;
};

export function createSignInFlows(ctx: Context) {
  const authCodes = new Map<string, { userId: string; challenge: string }>();
  const flows = new Map<string, { provider: string; challenge: string; redirect: string }>();
  const providerAccounts = new Map<string, StandInUser>();

  return {
    /** What GET /authorize + the provider round trip would leave: a one-time code bound to a PKCE challenge. */
    issueAuthCode(user: StandInUser, verifier: string): string {
      const code = randomUUID();
      authCodes.set(code, { userId: user.id, challenge: codeChallenge(verifier) });
      return code;
    },

    /** The account a provider signs in as on the next OAuth round trip (else a new user). */
    setProviderAccount(provider: string, user: StandInUser | null): void {
      if (user) providerAccounts.set(provider, user);
      else providerAccounts.delete(provider);
    },

    authorize(url: URL): [number, unknown] {
      const provider = url.searchParams.get("provider");
      if (!provider)
        throw new HttpError(400, "validation_failed", "Unsupported provider: provider  could not be found");
      const challenge = url.searchParams.get("code_challenge") ?? "";
      const redirect = redirectTarget(ctx.siteUrl, ctx.allowList, url.searchParams.get("redirect_to"));
      const flowId = randomUUID();
      flows.set(flowId, { provider, challenge, redirect });
      // The provider (Google, Telegram) would show its consent screen here; it agrees at once.
      return [302, new URL(`/auth/v1/callback?state=${flowId}`, ctx.baseUrl()).href];
    },

    async providerCallback(url: URL): Promise<[number, unknown]> {
      const flow = flows.get(url.searchParams.get("state") ?? "");
      if (!flow) throw new HttpError(400, "bad_oauth_state", "OAuth state parameter missing");
      const user =
        providerAccounts.get(flow.provider) ??
        (await ctx.users.create({
          provider: flow.provider,
          email: `${randomUUID()}@${flow.provider}.example`,
        }));
      const code = randomUUID();
      authCodes.set(code, { userId: user.id, challenge: flow.challenge });
      const target = new URL(flow.redirect);
      target.searchParams.set("code", code);
      return [302, target.href];
    },

    exchangeCode(code: string, verifier: string): StandInSession {
      if (!code || !verifier)
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
      const user = ctx.users.byId(flow.userId);
      if (!user) throw new HttpError(404, "user_not_found", "User not found");
      return ctx.issueSession(user, { method: "oauth" });
    },

    passwordGrant(email: string, password: string): StandInSession {
      const user = ctx.users.byEmail(email);
      if (!user || !ctx.users.passwordMatches(user, password))
        throw new HttpError(400, "invalid_credentials", "Invalid login credentials");
      if (!user.email_confirmed_at) throw new HttpError(400, "email_not_confirmed", "Email not confirmed");
      return ctx.issueSession(user);
    },

    async signUp(email: string, password: string): Promise<[number, unknown]> {
      if (!ctx.emailSignups)
        throw new HttpError(422, "email_provider_disabled", "Email signups are disabled");
      if (password.length < 6)
        throw new HttpError(422, "weak_password", "Password should be at least 6 characters.");
      const existing = ctx.users.byEmail(email);
      // An existing address gets an obfuscated look-alike, so sign-up cannot probe for accounts.
      if (existing) return [200, { ...existing, id: randomUUID(), identities: [], app_metadata: {} }];
      const user = await ctx.users.create({ email, password, confirmed: ctx.autoconfirm });
      return [200, ctx.autoconfirm ? ctx.issueSession(user) : user];
    },
  };
}
