// Sessions as a client sees them: started by a first generation and titled from its prompt,
// joined by the generations made in them or iterating on their outputs, listed with count,
// cover and last activity, searched, sorted, renamed and archived; a session's page data is
// its generations with their input edges. Someone else's session is never read or changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { newSession, seedGenerations, userIdOf } from "../helpers/gallery";
import { type Client, signIn } from "../helpers/http";
import { startAppWithProviders, stopAppWithProviders, waitForGeneration } from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;
let alice: Client;
let bob: Client;

type Created = { id: string; status: string; session_id: string };
type Session = {
  id: string;
  title: string;
  archived: boolean;
  count: number;
  cover_url: string | null;
  last_activity_at: string;
};
type SessionDetail = Session & {
  generations: {
    id: string;
    prompt: string;
    input: Record<string, unknown>;
    cost: number;
    duration_seconds: number | null;
  }[];
  edges: { from: string; to: string; slot: string }[];
};

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders());
  alice = await signIn(app.url, "alice@example.com");
  bob = await signIn(app.url, "bob@example.com");
});
afterAll(() => stopAppWithProviders(app, emulator));

const create = (client: Client, body: Record<string, unknown>) =>
  client.post<Created>("/api/generations/create", body);

describe("a session from generations", () => {
  it("starts with a first generation, titled from its prompt; later ones and iterations join it", async () => {
    const prompt =
      "a paper boat on a rainy street, watercolour, soft morning light over the old harbour town";
    const first = await create(alice, { model: "flux-schnell", input: { prompt } });
    expect(first.status).toBe(202);
    const sessionId = first.body.session_id;
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    const done = await waitForGeneration(alice, first.body.id);

    const second = await create(alice, {
      model: "flux-schnell",
      input: { prompt: "a second boat" },
      session_id: sessionId,
    });
    expect(second.body.session_id).toBe(sessionId);
    await waitForGeneration(alice, second.body.id);

    // Iterating on an output without naming a session stays in the parent's session.
    const iteration = await create(alice, {
      model: "flux-kontext-pro",
      input: { prompt: "make it night", image: done.outputs[0]?.url },
      parent_generation_id: first.body.id,
    });
    expect(iteration.status).toBe(202);
    expect(iteration.body.session_id).toBe(sessionId);
    await waitForGeneration(alice, iteration.body.id);

    const detail = await alice.get<SessionDetail>(`/api/sessions/${sessionId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.title).toBe("a paper boat on a rainy street, watercolour, soft morning…");
    expect(detail.body.generations.map((g) => g.id)).toEqual([
      first.body.id,
      second.body.id,
      iteration.body.id,
    ]);
    expect(detail.body.edges).toEqual([{ from: first.body.id, to: iteration.body.id, slot: "image" }]);
    expect(detail.body.generations[2]).toMatchObject({
      input: { prompt: "make it night" },
      cost: expect.any(Number),
    });
    expect(detail.body.generations[0]?.duration_seconds).toEqual(expect.any(Number));

    const sessions = await alice.get<{ items: Session[] }>("/api/sessions");
    const listed = sessions.body.items.find((s) => s.id === sessionId);
    expect(listed).toMatchObject({
      count: 3,
      archived: false,
      cover_url: expect.stringContaining("/api/files/"),
    });
  });

  it("refuses someone else's session and creates nothing, charges nothing", async () => {
    const bobId = await userIdOf(app.db.sql, "bob@example.com");
    const bobs = await newSession(app.db.sql, bobId, "Bob's private session");
    const before = await app.db.sql`select
      (select count(*) from generations)::int as generations, (select count(*) from workspaces)::int as sessions,
      (select credits from profiles where email = 'alice@example.com') as credits`;
    const res = await create(alice, { model: "flux-schnell", input: { prompt: "sneaky" }, session_id: bobs });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: "not_found", field: "session_id" } });
    const after = await app.db.sql`select
      (select count(*) from generations)::int as generations, (select count(*) from workspaces)::int as sessions,
      (select credits from profiles where email = 'alice@example.com') as credits`;
    expect(after).toEqual(before);
    for (const [method, body] of [
      ["GET", undefined],
      ["PATCH", { title: "mine now" }],
    ] as const) {
      const reply = await alice.request(method, `/api/sessions/${bobs}`, { json: body });
      expect(reply.status, method).toBe(404);
    }
    const [row] = await app.db.sql`select title from workspaces where id = ${bobs}`;
    expect(row?.title).toBe("Bob's private session");
  });

  it("names a session started empty after its first prompt, unless it was named first", async () => {
    const dana = await signIn(app.url, "dana@example.com");
    const title = async (id: string) => (await dana.get<Session>(`/api/sessions/${id}`)).body.title;
    const generateIn = async (session: string, prompt: string) => {
      const made = await create(dana, { model: "flux-schnell", input: { prompt }, session_id: session });
      expect(made.status).toBe(202);
      await waitForGeneration(dana, made.body.id);
    };

    const empty = await dana.post<Session>("/api/sessions", {});
    expect(empty.status).toBe(201);
    expect(empty.body.title).toBe("Untitled session");
    await generateIn(empty.body.id, "  a lantern festival   over the river ");
    expect(await title(empty.body.id)).toBe("a lantern festival over the river");
    await generateIn(empty.body.id, "a second lantern");
    expect(await title(empty.body.id)).toBe("a lantern festival over the river");

    const renamed = await dana.post<Session>("/api/sessions", {});
    await dana.request("PATCH", `/api/sessions/${renamed.body.id}`, { json: { title: "Festival ideas" } });
    await generateIn(renamed.body.id, "a paper lantern");
    expect(await title(renamed.body.id)).toBe("Festival ideas");

    const named = await dana.post<Session>("/api/sessions", { title: "Untitled session" });
    await generateIn(named.body.id, "a lantern in the snow");
    expect(await title(named.body.id)).toBe("Untitled session");
  });

  it("names and brings back a session that an iteration joins through its parent", async () => {
    const erin = await signIn(app.url, "erin@example.com");
    const empty = await erin.post<Session>("/api/sessions", {});
    // A step without a prompt (a tool's output) leaves the session untitled...
    const [parent] = await seedGenerations(app.db.sql, await userIdOf(app.db.sql, "erin@example.com"), [
      { session: empty.body.id },
    ]);
    await erin.request("PATCH", `/api/sessions/${empty.body.id}`, { json: { archived: true } });
    const archived = await erin.get<Session>(`/api/sessions/${empty.body.id}`);
    expect(archived.body).toMatchObject({ title: "Untitled session", archived: true });

    // ...and the first prompt made from its output names it, and brings it back from the archive.
    const iteration = await create(erin, {
      model: "flux-schnell",
      input: { prompt: "the same lantern, at night" },
      parent_generation_id: parent,
    });
    expect(iteration.status).toBe(202);
    expect(iteration.body.session_id).toBe(empty.body.id);
    const joined = await erin.get<Session>(`/api/sessions/${empty.body.id}`);
    expect(joined.body).toMatchObject({ title: "the same lantern, at night", archived: false });
    const listed = await erin.get<{ items: Session[] }>("/api/sessions");
    expect(listed.body.items.map((s) => s.id)).toContain(empty.body.id);
  });
});

describe("the sessions list", () => {
  it("creates, searches, sorts, renames and archives", async () => {
    const carol = await signIn(app.url, "carol@example.com");
    const made: Session[] = [];
    for (const title of ["Zebra studies", "apple still life", "Mountain light"]) {
      const res = await carol.post<Session>("/api/sessions", { title });
      expect(res.status).toBe(201);
      made.push(res.body);
    }
    const titles = async (query: string) =>
      (await carol.get<{ items: Session[] }>(`/api/sessions?${query}`)).body.items.map((s) => s.title);
    expect(await titles("sort=title")).toEqual(["apple still life", "Mountain light", "Zebra studies"]);
    expect(await titles("sort=created")).toEqual(["Mountain light", "apple still life", "Zebra studies"]);
    expect(await titles("q=light")).toEqual(["Mountain light"]);
    expect(await titles("q=%25")).toEqual([]);

    const renamed = await carol.request<Session>("PATCH", `/api/sessions/${made[0]?.id}`, {
      json: { title: "  Zebra   sketches " },
    });
    expect(renamed.body.title).toBe("Zebra sketches");
    await carol.request("PATCH", `/api/sessions/${made[1]?.id}`, { json: { archived: true } });
    expect(await titles("sort=title")).toEqual(["Mountain light", "Zebra sketches"]);
    expect(await titles("archived=true")).toEqual(["apple still life"]);
    const bobs = (await bob.get<{ items: Session[] }>("/api/sessions")).body.items.map((s) => s.id);
    expect(bobs.filter((id) => made.some((m) => m.id === id))).toEqual([]);
  });

  it.each([
    ["POST", "/api/sessions", { title: "   " }, "title"],
    ["POST", "/api/sessions", { title: "x".repeat(201) }, "title"],
    ["POST", "/api/sessions", { title: "ok", owner: "someone" }, undefined],
    ["PATCH", "SESSION", {}, undefined],
    ["PATCH", "SESSION", { archived: "yes" }, "archived"],
    ["GET", "/api/sessions?sort=size", undefined, "sort"],
    ["GET", "/api/sessions?limit=5000", undefined, "limit"],
  ])("%s %s refuses %j with a 400", async (method, path, body, field) => {
    const [own] = (await alice.get<{ items: Session[] }>("/api/sessions")).body.items;
    const url = path === "SESSION" ? `/api/sessions/${own?.id}` : path;
    const res = await alice.request(method, url, { json: body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "bad_request", ...(field ? { field } : {}) } });
  });
});
