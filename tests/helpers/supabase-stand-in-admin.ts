// The admin endpoints of the stand-in (secret key only), as GoTrue answers them
// (supabase/auth internal/api/admin.go, mail.go): create, read, update and delete users, and
// mint magic-link tokens without sending mail.
import { createHash, randomBytes } from "node:crypto";
import { HttpError } from "./supabase-stand-in-crypto";
import type { StandInUser, UserStore } from "./supabase-stand-in-users";

const DUPLICATE = "A user with this email address has already been registered";

type Context = {
  users: UserStore;
  /** hashed_token → user id, consumed by POST /verify. */
  emailTokens: Map<string, string>;
  baseUrl: () => string;
  /** Ends every session of a user (deletion). */
  endSessions: (userId: string) => void;
};

const object = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;

function validEmail(value: unknown): string {
  if (typeof value !== "string" || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value))
    throw new HttpError(400, "validation_failed", "Unable to validate email address: invalid format");
  return value.toLowerCase();
}

export async function adminRoute(
  ctx: Context,
  method: string,
  path: string,
  body: Record<string, unknown>,
): Promise<[number, unknown]> {
  if (method === "POST" && path === "/admin/users") {
    const email = validEmail(body.email);
    if (ctx.users.byEmail(email)) throw new HttpError(422, "email_exists", DUPLICATE);
    const user = await ctx.users.create({
      email,
      confirmed: body.email_confirm === true,
      password: typeof body.password === "string" ? body.password : undefined,
      user_metadata: object(body.user_metadata),
      app_metadata: object(body.app_metadata),
    });
    return [200, user];
  }

  const match = /^\/admin\/users\/([0-9a-f-]{36})$/.exec(path);
  if (match) {
    const user = ctx.users.byId(match[1] as string);
    if (!user) throw new HttpError(404, "user_not_found", "User not found");
    if (method === "GET") return [200, user];
    if (method === "PUT") return [200, await update(ctx, user, body)];
    if (method === "DELETE") {
      ctx.endSessions(user.id);
      await ctx.users.remove(user);
      return [200, {}];
    }
  }

  if (method === "POST" && path === "/admin/generate_link") {
    const email = validEmail(body.email);
    if (body.type !== "magiclink")
      throw new HttpError(400, "validation_failed", `Invalid email action link type requested: ${body.type}`);
    // Like GoTrue, a magic link for an unknown address becomes a sign-up.
    const existing = ctx.users.byEmail(email);
    const user = existing ?? (await ctx.users.create({ email, confirmed: false }));
    const otp = String(randomBytes(3).readUIntBE(0, 3) % 1_000_000).padStart(6, "0");
    const hashedToken = createHash("sha224")
      .update(user.email + otp)
      .digest("hex");
    ctx.emailTokens.set(hashedToken, user.id);
    const type = existing ? "magiclink" : "signup";
    return [
      200,
      {
        ...user,
        action_link: `${ctx.baseUrl()}/auth/v1/verify?token=${hashedToken}&type=${type}`,
        email_otp: otp,
        hashed_token: hashedToken,
        verification_type: type,
        redirect_to: "",
      },
    ];
  }

  throw new HttpError(404, "not_found", `stand-in does not implement ${method} ${path}`);
}

async function update(ctx: Context, user: StandInUser, body: Record<string, unknown>): Promise<StandInUser> {
  let email: string | undefined;
  if (body.email !== undefined) {
    email = validEmail(body.email);
    const holder = ctx.users.byEmail(email);
    if (holder && holder.id !== user.id) throw new HttpError(422, "email_exists", DUPLICATE);
  }
  return ctx.users.update(user, {
    email,
    email_confirm: body.email_confirm === true,
    app_metadata: object(body.app_metadata),
    user_metadata: object(body.user_metadata),
  });
}
