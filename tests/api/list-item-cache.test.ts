// The list keeps each item's JSON per row version (lib/generations/item-json-cache.ts): a page
// asked for again shows every change to its rows at once, whichever way the row changed (an
// API call, a webhook's update, a bulk statement), and never another user's row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app";
import { seedGenerations, userIdOf } from "../helpers/gallery";
import { type Client, signIn } from "../helpers/http";

let app: TestApp;
let alice: Client;
let bob: Client;
let ids: string[] = [];

type Item = { id: string; prompt: string | null; starred: boolean; tags: string[]; progress?: number | null };
type Page = { items: Item[]; next_cursor: string | null };

const page = async (client: Client, query = "") => {
  const reply = await client.get<Page>(`/api/generations/list?limit=10${query}`);
  expect(reply.status).toBe(200);
  return reply.body;
};
const byId = (list: Page, id: string) => list.items.find((item) => item.id === id);

beforeAll(async () => {
  app = await startApp();
  alice = await signIn(app.url, "alice@example.com");
  bob = await signIn(app.url, "bob@example.com");
  const aliceId = await userIdOf(app.db.sql, "alice@example.com");
  ids = await seedGenerations(app.db.sql, aliceId, [
    { prompt: "a red lighthouse" },
    { prompt: "a blue lighthouse" },
    { prompt: "a green lighthouse", status: "queued" },
  ]);
});
afterAll(() => app?.stop());

describe("a list asked for again", () => {
  it("answers the same items, byte for byte, when nothing changed", async () => {
    const first = await alice.get("/api/generations/list?limit=10");
    const again = await alice.get("/api/generations/list?limit=10");
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(first.body));
    expect((first.body as Page).items.map((item) => item.id)).toEqual(ids);
  });

  it("shows a star given through the API", async () => {
    await page(alice);
    const [, blue] = ids;
    const starred = await alice.post("/api/generations/bulk", { action: "star", ids: [blue] });
    expect(starred.body).toMatchObject({ done: 1, skipped: 0 });
    const after = await page(alice);
    expect(byId(after, blue as string)?.starred).toBe(true);
    expect(byId(after, ids[0] as string)?.starred).toBe(false);
  });

  it("shows a change written to the row by anything else (a webhook's progress, a new prompt)", async () => {
    await page(alice);
    const [red, , green] = ids;
    await app.db.sql`update generations set progress = 0.5 where id = ${green as string}`;
    const repainted = "a red lighthouse, repainted";
    await app.db.sql`update generations set prompt = ${repainted} where id = ${red as string}`;
    const after = await page(alice);
    expect(byId(after, green as string)?.progress).toBe(0.5);
    expect(byId(after, red as string)?.prompt).toBe(repainted);
  });

  it("shows tags changed by one bulk statement across rows", async () => {
    await page(alice);
    const tagged = await alice.post("/api/generations/bulk", { action: "tag", ids, tag: "coast" });
    expect(tagged.body).toMatchObject({ done: 3 });
    const after = await page(alice);
    expect(after.items.map((item) => item.tags)).toEqual([["coast"], ["coast"], ["coast"]]);
  });

  it("drops a row that went to the trash, and never shows Alice's items to Bob", async () => {
    await page(alice);
    const [red] = ids;
    await alice.post("/api/generations/bulk", { action: "delete", ids: [red] });
    expect(byId(await page(alice), red as string)).toBeUndefined();
    expect((await page(bob)).items).toEqual([]);
    expect((await page(bob, "&q=lighthouse")).items).toEqual([]);
  });
});
