// The gallery's list as a client sees it: prompt search (words and any part of the text),
// every facet alone and combined, keyset paging and the ETag through all of it, and input
// that could hurt (SQL and pattern metacharacters, values that name nothing, other people's).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app";
import { newSession, seedGenerations, userIdOf } from "../helpers/gallery";
import { type Client, signIn } from "../helpers/http";
import { idsOnAllPages } from "../helpers/paging";

let app: TestApp;
let alice: Client;
let bob: Client;
let ids: Record<string, string> = {};
let sessionA: string;
let bobSession: string;

type Page = {
  items: { id: string; prompt: string; starred: boolean; tags: string[]; session_id: string | null }[];
  next_cursor: string | null;
};

beforeAll(async () => {
  app = await startApp();
  alice = await signIn(app.url, "alice@example.com");
  bob = await signIn(app.url, "bob@example.com");
  const aliceId = await userIdOf(app.db.sql, "alice@example.com");
  const bobId = await userIdOf(app.db.sql, "bob@example.com");
  sessionA = await newSession(app.db.sql, aliceId, "Lighthouses");
  bobSession = await newSession(app.db.sql, bobId, "Bob's");
  const names = [
    "cats",
    "lighthouse",
    "percent",
    "underscore",
    "video",
    "fal",
    "starred",
    "old",
    "failed",
    "trashed",
  ];
  const made = await seedGenerations(app.db.sql, aliceId, [
    { prompt: "two cats sleeping on a sofa", tags: ["pets"] },
    { prompt: "a red lighthouse at dusk", session: sessionA, starred: true, tags: ["sea", "pets"] },
    { prompt: "sale: 100% off everything" },
    { prompt: "snake_case is a way of naming" },
    {
      prompt: "a lighthouse in a storm, drone shot",
      kind: "video",
      model: "veo-3-fast",
      provider: "google",
      session: sessionA,
    },
    { prompt: "portrait of a cat", model: "flux-dev-fal", provider: "fal" },
    { prompt: "night sky over the sea", starred: true },
    { prompt: "an old photo of a lighthouse", createdAt: "2026-01-15T12:00:00Z" },
    { prompt: "lighthouse that failed", status: "failed" },
    { prompt: "lighthouse in the trash", trashedAt: new Date().toISOString() },
  ]);
  ids = Object.fromEntries(names.map((name, i) => [name, made[i] as string]));
  await seedGenerations(app.db.sql, bobId, [
    { prompt: "bob's lighthouse", session: bobSession, tags: ["sea"] },
  ]);
});
afterAll(async () => {
  await app?.stop();
});

const list = (client: Client, query: string) => client.get<Page>(`/api/generations/list?limit=100&${query}`);
const idsOf = (page: Page) => page.items.map((item) => item.id);
const named = (...names: string[]) => names.map((name) => ids[name]);

describe("prompt search", () => {
  it("finds words, stemmed, and leaves out the trash and other people", async () => {
    const res = await list(alice, "q=lighthouse");
    expect(res.status).toBe(200);
    expect(new Set(idsOf(res.body))).toEqual(new Set(named("lighthouse", "video", "old", "failed")));
    // "cats" finds "cat" too: words are stemmed.
    expect(new Set(idsOf((await list(alice, "q=cats")).body))).toEqual(new Set(named("cats", "fal")));
  });

  it("finds any part of the text", async () => {
    expect(idsOf((await list(alice, "q=ighthou")).body)).toHaveLength(4);
    expect(idsOf((await list(alice, "q=sofa")).body)).toEqual(named("cats"));
  });

  it.each([
    ["100%", ["percent"]],
    ["_case", ["underscore"]],
    ["%", ["percent"]],
    ["_", ["underscore"]],
  ])("takes pattern characters literally (%s)", async (q, expected) => {
    const res = await list(alice, `q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual(named(...expected));
  });

  it.each([
    "'; drop table generations; --",
    "lighthouse' or '1'='1",
    "(.*[a-z]+$",
    "\\",
    "a & b | !c <-> d:*",
    '"unclosed quote',
    "🚀 ünïcödé",
  ])("answers %j with a list, not an error, and changes nothing", async (q) => {
    const res = await list(alice, `q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.items)).toBe(true);
    expect((await app.db.sql`select count(*)::int as n from generations`)[0]?.n).toBe(11);
  });

  it("refuses a query past 200 characters with a 400 naming q", async () => {
    const res = await list(alice, `q=${"a".repeat(201)}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "bad_request", field: "q" } });
  });
});

describe("facets", () => {
  it.each([
    ["model=veo-3-fast", ["video"]],
    ["provider=fal", ["fal"]],
    ["kind=video", ["video"]],
    ["status=failed", ["failed"]],
    ["starred=true", ["lighthouse", "starred"]],
    ["tag=pets", ["cats", "lighthouse"]],
    ["tag=PETS", ["cats", "lighthouse"]],
    ["from=2026-01-01&to=2026-01-31", ["old"]],
    ["to=2026-01-15", ["old"]],
  ])("filters on %s", async (query, expected) => {
    const res = await list(alice, query);
    expect(res.status).toBe(200);
    expect(new Set(idsOf(res.body))).toEqual(new Set(named(...expected)));
  });

  it("filters on a session and combines facets with the search", async () => {
    expect(new Set(idsOf((await list(alice, `session=${sessionA}`)).body))).toEqual(
      new Set(named("lighthouse", "video")),
    );
    expect(
      idsOf((await list(alice, `session=${sessionA}&kind=image&starred=1&q=lighthouse&tag=sea`)).body),
    ).toEqual(named("lighthouse"));
    expect(idsOf((await list(alice, "q=lighthouse&status=completed&kind=image&starred=false")).body)).toEqual(
      named("old"),
    );
    expect(idsOf((await list(alice, "starred=false&tag=pets")).body)).toEqual(named("cats"));
  });

  it("finds nothing, without an error, for values that name nothing or someone else's", async () => {
    for (const query of [
      "model=no-such-model",
      "tag=never-used",
      `session=${bobSession}`,
      `session=${crypto.randomUUID()}`,
    ]) {
      const reply = await list(alice, query);
      expect(reply.status, query).toBe(200);
      expect(reply.body.items, query).toEqual([]);
    }
    expect(idsOf((await list(bob, "q=lighthouse")).body)).toHaveLength(1);
  });

  it.each([
    ["kind=audio", "kind"],
    ["status=done", "status"],
    ["provider=openai", "provider"],
    ["session=not-a-uuid", "session"],
    ["starred=maybe", "starred"],
    ["from=2026-02-31", "from"],
    ["to=yesterday", "to"],
    ["from=2026-03-01&to=2026-02-01", "from"],
    ["model=a%20b", "model"],
    ["tag=%3Cscript%3E", "tag"],
  ])("refuses %s with a 400 naming the parameter", async (query, field) => {
    const reply = await list(alice, query);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { code: "bad_request", field } });
  });
});

describe("paging and the ETag with filters", () => {
  it("pages a search with the keyset cursor, every match once", async () => {
    const seen = await idsOnAllPages(alice, "/api/generations/list?limit=1&q=lighthouse");
    expect(seen).toHaveLength(4);
    expect(new Set(seen)).toEqual(new Set(named("lighthouse", "video", "old", "failed")));
  });

  it("answers 304 while nothing changed and 200 after a star", async () => {
    const first = await list(alice, "q=lighthouse&kind=image");
    const etag = first.headers.get("etag") ?? "";
    expect(
      (await alice.get("/api/generations/list?limit=100&q=lighthouse&kind=image", { "if-none-match": etag }))
        .status,
    ).toBe(304);
    // Another filter is another list.
    expect(
      (await alice.get("/api/generations/list?limit=100&q=lighthouse", { "if-none-match": etag })).status,
    ).toBe(200);
    await alice.post("/api/generations/bulk", { action: "star", ids: [ids.old] });
    const after = await alice.get<Page>("/api/generations/list?limit=100&q=lighthouse&kind=image", {
      "if-none-match": etag,
    });
    expect(after.status).toBe(200);
    expect(after.body.items.find((item) => item.id === ids.old)?.starred).toBe(true);
    await alice.post("/api/generations/bulk", { action: "unstar", ids: [ids.old] });
  });
});

describe("select all matching and tags", () => {
  it("lists every matching id, the trash only when asked", async () => {
    const all = await alice.get<{ ids: string[]; truncated: boolean }>("/api/generations/ids?q=lighthouse");
    expect(new Set(all.body.ids)).toEqual(new Set(named("lighthouse", "video", "old", "failed")));
    expect(all.body.truncated).toBe(false);
    const trash = await alice.get<{ ids: string[] }>("/api/generations/ids?in=trash");
    expect(trash.body.ids).toEqual(named("trashed"));
    expect((await alice.get("/api/generations/ids?in=elsewhere")).status).toBe(400);
  });

  it("lists the user's own tags with counts", async () => {
    const res = await alice.get<{ tags: { tag: string; count: number }[] }>("/api/generations/tags");
    expect(res.body.tags).toEqual([
      { tag: "pets", count: 2 },
      { tag: "sea", count: 1 },
    ]);
  });
});
