// Auth users of the stand-in. On Supabase they live in `auth.users` of the project's own
// database, which is what profiles reference; once a test database is attached the stand-in
// writes them there too, so foreign keys hold and deleting a user cascades as it does on
// Supabase. `app_metadata` is what only the service role can write; `user_metadata` is what
// the provider (or anyone signing up) supplies.
import { randomUUID } from "node:crypto";
import type { Sql } from "postgres";

export type StandInIdentity = {
  identity_id: string;
  id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  email?: string;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string;
};

export type StandInUser = {
  id: string;
  aud: "authenticated";
  role: "authenticated";
  email: string;
  email_confirmed_at: string | null;
  phone: string;
  app_metadata: Record<string, unknown> & { provider: string; providers: string[] };
  user_metadata: Record<string, unknown>;
  identities: StandInIdentity[];
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
  is_anonymous: false;
};

export type NewUser = {
  email?: string;
  provider?: string;
  confirmed?: boolean;
  password?: string;
  user_metadata?: Record<string, unknown>;
  app_metadata?: Record<string, unknown>;
};

export function createUserStore() {
  const users = new Map<string, StandInUser>();
  const passwords = new Map<string, string>();
  let db: Sql | null = null;

  async function mirror(user: StandInUser): Promise<void> {
    if (!db) return;
    await db`
      insert into auth.users (id, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
      values (${user.id}, ${user.email || null}, ${user.email_confirmed_at},
              ${db.json(user.app_metadata as never)}, ${db.json(user.user_metadata as never)})
      on conflict (id) do update set email = excluded.email,
        email_confirmed_at = excluded.email_confirmed_at, raw_app_meta_data = excluded.raw_app_meta_data,
        raw_user_meta_data = excluded.raw_user_meta_data, updated_at = now()`;
  }

  function identityFor(user: StandInUser, provider: string): StandInIdentity {
    const now = new Date().toISOString();
    const data: Record<string, unknown> =
      provider === "email"
        ? { sub: user.id, email: user.email, email_verified: false, phone_verified: false }
        : { ...user.user_metadata };
    const providerId = provider === "email" ? user.id : String(data.provider_id ?? data.sub ?? randomUUID());
    return {
      identity_id: randomUUID(),
      id: providerId,
      user_id: user.id,
      identity_data: data,
      provider,
      ...(user.email ? { email: user.email } : {}),
      created_at: now,
      updated_at: now,
      last_sign_in_at: now,
    };
  }

  return {
    users,
    /** Writes users to `auth.users` of this database from now on (and the ones made so far). */
    async attach(sql: Sql): Promise<void> {
      db = sql;
      for (const user of users.values()) await mirror(user);
    },
    byId: (id: string) => users.get(id),
    byEmail: (email: string) =>
      email ? [...users.values()].find((u) => u.email === email.toLowerCase()) : undefined,
    passwordMatches: (user: StandInUser, password: string) => passwords.get(user.id) === password,

    async create(input: NewUser): Promise<StandInUser> {
      const now = new Date().toISOString();
      const provider = input.provider ?? "email";
      const user: StandInUser = {
        id: randomUUID(),
        aud: "authenticated",
        role: "authenticated",
        email: (input.email ?? "").toLowerCase(),
        email_confirmed_at: input.confirmed === false ? null : now,
        phone: "",
        app_metadata: { ...input.app_metadata, provider, providers: [provider] },
        user_metadata: input.user_metadata ?? {},
        identities: [],
        created_at: now,
        updated_at: now,
        last_sign_in_at: null,
        is_anonymous: false,
      };
      user.identities = [identityFor(user, provider)];
      if (input.password) passwords.set(user.id, input.password);
      users.set(user.id, user);
      await mirror(user);
      return user;
    },

    /** The admin API's update: app_metadata and user_metadata merge, a null value drops a key. */
    async update(
      user: StandInUser,
      patch: {
        email?: string;
        email_confirm?: boolean;
        app_metadata?: Record<string, unknown>;
        user_metadata?: Record<string, unknown>;
      },
    ): Promise<StandInUser> {
      const merge = (into: Record<string, unknown>, from: Record<string, unknown> = {}) => {
        for (const [key, value] of Object.entries(from))
          if (value === null) delete into[key];
          else into[key] = value;
      };
      if (patch.email !== undefined) {
        user.email = patch.email.toLowerCase();
        user.email_confirmed_at = patch.email_confirm ? new Date().toISOString() : null;
      }
      merge(user.app_metadata, patch.app_metadata);
      merge(user.user_metadata, patch.user_metadata);
      user.updated_at = new Date().toISOString();
      await mirror(user);
      return user;
    },

    async remove(user: StandInUser): Promise<void> {
      users.delete(user.id);
      passwords.delete(user.id);
      if (db) await db`delete from auth.users where id = ${user.id}`;
    },
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
