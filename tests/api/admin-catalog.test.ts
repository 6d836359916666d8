// Models and settings in the admin console: overrides and settings take effect without a
// restart, bad values are refused, and every change leaves an audit row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODELS } from "../../lib/models-config";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { Client, signIn } from "../helpers/http";
import { startAppWithProviders, stopAppWithProviders } from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;
let admin: Client;
let alice: Client;
let adminId: string;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders({ env: { ADMIN_EMAILS: "admin@example.com" } }));
  admin = await signIn(app.url, "admin@example.com");
  alice = await signIn(app.url, "alice@example.com");
  adminId = (await admin.get<{ id: string }>("/api/me")).body.id;
});
afterAll(() => stopAppWithProviders(app, emulator));

type AdminModel = {
  id: string;
  catalog: { enabled: boolean; price_credits: number; hourly_limit: number; daily_cap: number };
  override: {
    enabled: boolean | null;
    price_credits: number | null;
    hourly_limit: number | null;
    daily_cap: number | null;
  };
  effective: { enabled: boolean; price_credits: number; hourly_limit: number; daily_cap: number };
};
type PublicModel = { id: string; price: { credits: number } };

const patchModel = (id: string, body: unknown) =>
  admin.request<AdminModel>("PATCH", `/api/admin/models/${id}`, { json: body });
const publicModels = async () => (await new Client(app.url).get<PublicModel[]>("/api/models")).body;
const create = (model: string) =>
  alice.post("/api/generations/create", { model, input: { prompt: "a lighthouse" } });

describe("models", () => {
  it("lists every catalog model with catalog, override and effective values", async () => {
    const res = await admin.get<AdminModel[]>("/api/admin/models");
    expect(res.status).toBe(200);
    expect(res.body.map((m) => m.id)).toEqual(MODELS.map((m) => m.id));
    const flux = res.body.find((m) => m.id === "flux-schnell");
    expect(flux?.override).toEqual({
      enabled: null,
      price_credits: null,
      hourly_limit: null,
      daily_cap: null,
      updated_at: null,
    });
    expect(flux?.effective).toEqual(flux?.catalog);
  });

  it("a disabled model disappears from GET /api/models and cannot be created, at once", async () => {
    expect((await publicModels()).some((m) => m.id === "flux-schnell")).toBe(true);
    const res = await patchModel("flux-schnell", { enabled: false });
    expect(res.status).toBe(200);
    expect(res.body.effective.enabled).toBe(false);
    expect((await publicModels()).some((m) => m.id === "flux-schnell")).toBe(false);
    const refused = await create("flux-schnell");
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: { code: expect.any(String), message: expect.stringMatching(/not available/) },
    });

    const [audit] = await app.db.sql`
      select actor_id, target_type, target_id, before, after from audit_log where action = 'model.update'`;
    expect(audit).toEqual({
      actor_id: adminId,
      target_type: "model",
      target_id: "flux-schnell",
      before: { enabled: null, price_credits: null, hourly_limit: null, daily_cap: null },
      after: { enabled: false, price_credits: null, hourly_limit: null, daily_cap: null },
    });

    // null clears the override: back to the catalog default, and the row goes away.
    expect((await patchModel("flux-schnell", { enabled: null })).body.effective.enabled).toBe(true);
    expect(await app.db.sql`select * from model_overrides`).toHaveLength(0);
    expect((await publicModels()).some((m) => m.id === "flux-schnell")).toBe(true);
    expect((await create("flux-schnell")).status).toBe(202);
  });

  it("overrides the price and limits field by field; clearing one keeps the others", async () => {
    const res = await patchModel("flux-schnell", { price_credits: 7, hourly_limit: 1 });
    expect(res.body.effective).toMatchObject({ price_credits: 7, hourly_limit: 1 });
    expect((await publicModels()).find((m) => m.id === "flux-schnell")?.price.credits).toBe(7);
    const [row] = await app.db.sql`select updated_by from model_overrides where model_id = 'flux-schnell'`;
    expect(row?.updated_by).toBe(adminId);
    // Alice created one flux-schnell job in the test above: the hourly limit of 1 is reached.
    expect((await create("flux-schnell")).status).toBe(429);

    const cleared = await patchModel("flux-schnell", { hourly_limit: null });
    expect(cleared.body.override).toMatchObject({ price_credits: 7, hourly_limit: null });
    expect(cleared.body.effective.hourly_limit).toBe(cleared.body.catalog.hourly_limit);
    expect((await create("flux-schnell")).status).toBe(202);
    const [charged] = await app.db.sql`
      select charged_credits from generations order by created_at desc limit 1`;
    expect(charged?.charged_credits).toBe(7);
  });

  it.each([
    ["flux-schnell", { price_credits: -1 }, 400],
    ["flux-schnell", { daily_cap: 1.5 }, 400],
    ["flux-schnell", { enabled: "yes" }, 400],
    ["flux-schnell", { colour: "red" }, 400],
    ["no-such-model", { enabled: false }, 404],
  ])("PATCH %s %j → %i", async (id, body, status) => {
    expect((await patchModel(id, body)).status).toBe(status);
  });
});

describe("settings", () => {
  type Setting = {
    key: string;
    value: unknown;
    default_value: unknown;
    is_default: boolean;
    updated_by_email: string | null;
  };
  const put = (key: string, value: unknown) =>
    admin.request("PUT", `/api/admin/settings/${key}`, { json: { value } });

  it("lists every setting with its default", async () => {
    const res = await admin.get<Setting[]>("/api/admin/settings");
    expect(res.body.map((s) => s.key)).toEqual([
      "starting_credits",
      "daily_generation_cap",
      "feature_flags",
      "credits_page",
      "trash_retention_days",
      "system_prompts",
    ]);
    expect(res.body[0]).toMatchObject({ is_default: true, updated_by_email: null });
    expect(res.body[0]?.value).toBe(res.body[0]?.default_value);
  });

  it("a new starting_credits applies to the next sign-up without a restart", async () => {
    expect((await put("starting_credits", 123)).status).toBe(200);
    const newcomer = await signIn(app.url, "newcomer@example.com");
    expect((await newcomer.get<{ credits: number }>("/api/me")).body.credits).toBe(123);
    const [row] = await app.db.sql`select value, updated_by from app_settings where key = 'starting_credits'`;
    expect(row).toEqual({ value: 123, updated_by: adminId });
    const [audit] = await app.db.sql`
      select actor_id, target_id, before, after from audit_log where action = 'setting.update'`;
    expect(audit).toEqual({
      actor_id: adminId,
      target_id: "starting_credits",
      before: null,
      after: { value: 123 },
    });
    const listed = await admin.get<Setting[]>("/api/admin/settings");
    expect(listed.body[0]).toMatchObject({
      value: 123,
      is_default: false,
      updated_by_email: "admin@example.com",
    });
  });

  it("a daily generation cap applies at once", async () => {
    const bob = await signIn(app.url, "bob@example.com");
    expect((await put("daily_generation_cap", 1)).status).toBe(200);
    const first = await bob.post("/api/generations/create", {
      model: "fal-flux-dev",
      input: { prompt: "one" },
    });
    expect(first.status).toBe(202);
    const second = await bob.post("/api/generations/create", {
      model: "fal-flux-dev",
      input: { prompt: "two" },
    });
    expect(second.status).toBe(429);
    expect((await put("daily_generation_cap", 500)).status).toBe(200);
  });

  it("stores feature flags and system prompts, and replaces them whole", async () => {
    expect((await put("feature_flags", { new_editor: true, "beta.video": false })).status).toBe(200);
    expect((await put("system_prompts", { brainstorm: "You help people write prompts." })).status).toBe(200);
    expect((await put("feature_flags", { new_editor: false })).status).toBe(200);
    const res = await admin.get<Setting[]>("/api/admin/settings");
    expect(res.body.find((s) => s.key === "feature_flags")?.value).toEqual({ new_editor: false });
    expect(res.body.find((s) => s.key === "system_prompts")?.value).toEqual({
      brainstorm: "You help people write prompts.",
    });
  });

  it.each([
    ["starting_credits", "100"],
    ["starting_credits", -1],
    ["starting_credits", 2.5],
    ["daily_generation_cap", 10_000_000],
    ["feature_flags", { new_editor: "yes" }],
    ["feature_flags", { "Bad Name": true }],
    ["feature_flags", [true]],
    ["system_prompts", { brainstorm: 42 }],
    ["system_prompts", { brainstorm: "x".repeat(20_001) }],
  ])("refuses %s = %j with a 400 and keeps the old value", async (key, value) => {
    const before = await app.db.sql`select key, value from app_settings order by key`;
    const res = await put(key, value);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    expect(await app.db.sql`select key, value from app_settings order by key`).toEqual(before);
  });

  it("404s for an unknown setting and 400s for a missing value", async () => {
    expect((await put("max_power", 1)).status).toBe(404);
    expect((await admin.request("PUT", "/api/admin/settings/starting_credits", { json: {} })).status).toBe(
      400,
    );
  });
});
