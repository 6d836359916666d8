// The generations API as a client sees it: validation, limits, ownership, list, cancel, delete, upload.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { Client, signIn } from "../helpers/http";
import { idsOnAllPages, insertWithinOneMillisecond } from "../helpers/paging";
import {
  type GenerationBody,
  startAppWithProviders,
  stopAppWithProviders,
  waitForGeneration,
} from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;
let alice: Client;
let bob: Client;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders());
  alice = await signIn(app.url, "alice@example.com");
  bob = await signIn(app.url, "bob@example.com");
});
afterAll(() => stopAppWithProviders(app, emulator));

const create = (client: Client, model: string, input: Record<string, unknown>) =>
  client.post<{ id: string; status: string; error?: string }>("/api/generations/create", { model, input });

describe("create", () => {
  it("answers 401 when signed out and creates nothing", async () => {
    const res = await create(new Client(app.url), "flux-schnell", { prompt: "x" });
    expect(res.status).toBe(401);
    expect((await app.db.sql`select id from generations`).length).toBe(0);
  });

  it.each([
    [{ model: "no-such-model", input: { prompt: "x" } }, /model/],
    [{ model: "flux-schnell", input: {} }, /prompt/],
    [{ model: "flux-schnell", input: { prompt: "x", num_outputs: 9 } }, /num_outputs/],
    [{ model: "flux-schnell", input: { prompt: "x", aspect_ratio: "7:1" } }, /aspect_ratio/],
    [{ input: { prompt: "x" } }, /model/],
  ])("rejects bad input with a 400 naming the field (%j)", async (body, field) => {
    const res = await alice.post("/api/generations/create", body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: expect.any(String), message: expect.stringMatching(field) },
    });
  });

  it("lets exactly 5 of 6 parallel creates through", async () => {
    const carol = await signIn(app.url, "carol@example.com");
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) => create(carol, "flux-schnell", { prompt: `slow job ${i} [slow]` })),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const limited = replies.find((r) => r.status === 429);
    expect(limited?.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    const rows = await app.db
      .sql`select g.id from generations g join profiles p on p.id = g.user_id where p.email = 'carol@example.com'`;
    expect(rows).toHaveLength(5);
    // Canceling one frees a slot.
    const first = replies.find((r) => r.status === 202)!.body.id;
    expect((await carol.post(`/api/generations/${first}/cancel`)).status).toBe(200);
    expect((await create(carol, "flux-schnell", { prompt: "one more [slow]" })).status).toBe(202);
  });
});

describe("ownership", () => {
  it("hides one user's generation from another: 404 for read, cancel and delete", async () => {
    const { body } = await create(alice, "flux-schnell", { prompt: "private [slow]" });
    for (const [method, path] of [
      ["GET", `/api/generations/${body.id}`],
      ["POST", `/api/generations/${body.id}/cancel`],
      ["DELETE", `/api/generations/${body.id}`],
    ] as const) {
      const res = await bob.request(method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await bob.get<{ items: unknown[] }>("/api/generations/list")).body.items).toEqual([]);
    expect((await alice.get(`/api/generations/${body.id}`)).status).toBe(200);
    expect((await alice.get("/api/generations/not-a-uuid")).status).toBe(404);
  });
});

describe("cancel and delete", () => {
  it("cancels an active job once; a finished one cannot be canceled", async () => {
    const { body } = await create(alice, "flux-schnell", { prompt: "to cancel [slow]" });
    const canceled = await alice.post(`/api/generations/${body.id}/cancel`);
    expect(canceled.body).toMatchObject({ status: "canceled" });
    const again = await alice.post(`/api/generations/${body.id}/cancel`);
    expect(again.status).toBe(409);
  });

  it("deletes a generation with its files", async () => {
    const { body } = await create(alice, "flux-schnell", { prompt: "to delete" });
    const done = await waitForGeneration(alice, body.id);
    expect(done.status).toBe("completed");
    const url = done.outputs[0]!.url;
    expect((await fetch(url)).status).toBe(200);
    expect((await alice.request("DELETE", `/api/generations/${body.id}`)).status).toBe(204);
    expect((await alice.get(`/api/generations/${body.id}`)).status).toBe(404);
    expect((await fetch(url)).status).toBe(404);
  });
});

describe("list", () => {
  it("pages newest first with a cursor, filters, and answers 304 while nothing changed", async () => {
    const dave = await signIn(app.url, "dave@example.com");
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { body } = await create(dave, "flux-schnell", { prompt: `list item ${i}` });
      ids.push(body.id);
      await waitForGeneration(dave, body.id);
    }
    const first = await dave.get<{ items: GenerationBody[]; next_cursor: string | null }>(
      "/api/generations/list?limit=2",
    );
    expect(first.body.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    const second = await dave.get<{ items: GenerationBody[]; next_cursor: string | null }>(
      `/api/generations/list?limit=2&cursor=${first.body.next_cursor}`,
    );
    expect(second.body.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(second.body.next_cursor).toBeNull();
    expect(first.body.items[0]).toMatchObject({
      model: "flux-schnell",
      provider: "replicate",
      kind: "image",
      status: "completed",
    });

    const etag = first.headers.get("etag")!;
    const unchanged = await dave.get("/api/generations/list?limit=2", { "if-none-match": etag });
    expect(unchanged.status).toBe(304);
    await create(dave, "flux-schnell", { prompt: "a change [slow]" });
    const changed = await dave.get("/api/generations/list?limit=2", { "if-none-match": etag });
    expect(changed.status).toBe(200);

    const active = await dave.get<{ items: GenerationBody[] }>("/api/generations/list?status=queued");
    expect(active.body.items.every((i) => i.status === "queued")).toBe(true);
    expect((await dave.get<{ items: unknown[] }>("/api/generations/list?kind=video")).body.items).toEqual([]);
  });

  it("pages through generations created within the same millisecond without skipping any", async () => {
    const erin = await signIn(app.url, "erin@example.com");
    const [profile] = await app.db.sql<
      { id: string }[]
    >`select id from profiles where email = 'erin@example.com'`;
    const inserted = await insertWithinOneMillisecond(app.db.sql, profile!.id, 5);
    const seen = await idsOnAllPages(erin, "/api/generations/list?limit=2");
    expect(seen.sort()).toEqual(inserted.sort());
  });

  it("caps the page size and rejects bad parameters", async () => {
    expect((await alice.get("/api/generations/list?limit=500")).status).toBe(200);
    expect((await alice.get("/api/generations/list?status=done")).status).toBe(400);
    expect((await alice.get("/api/generations/list?cursor=garbage")).status).toBe(400);
  });
});

describe("upload", () => {
  const png = () =>
    sharp({ create: { width: 64, height: 48, channels: 3, background: "#c00" } })
      .png()
      .toBuffer();
  const form = (files: { name: string; data: Buffer; type: string }[]) => {
    const body = new FormData();
    for (const f of files) body.append("files", new Blob([new Uint8Array(f.data)], { type: f.type }), f.name);
    return body;
  };

  it("stores re-encoded images and returns signed URLs usable as model inputs", async () => {
    const res = await alice.request<{
      files: { url: string; width: number; height: number; mime: string }[];
    }>("POST", "/api/upload", {
      body: form([{ name: "a.png", data: await png(), type: "image/png" }]),
    });
    expect(res.status).toBe(201);
    const [file] = res.body.files;
    expect(file).toMatchObject({ width: 64, height: 48, mime: "image/png" });
    expect((await fetch(file!.url)).status).toBe(200);
  });

  it("refuses non-images whatever their declared type, and stores nothing", async () => {
    const res = await alice.request("POST", "/api/upload", {
      body: form([
        { name: "ok.png", data: await png(), type: "image/png" },
        { name: "evil.png", data: Buffer.from("<html><script>alert(1)</script></html>"), type: "image/png" },
      ]),
    });
    expect(res.status).toBe(415);
    expect(res.body).toEqual({
      error: { code: "unsupported_media_type", message: expect.stringContaining("evil.png"), field: "files" },
    });
  });

  it("refuses more than 14 files and files over 10 MB", async () => {
    const small = await png();
    const many = Array.from({ length: 15 }, (_, i) => ({ name: `${i}.png`, data: small, type: "image/png" }));
    expect((await alice.request("POST", "/api/upload", { body: form(many) })).status).toBe(400);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 1);
    expect(
      (
        await alice.request("POST", "/api/upload", {
          body: form([{ name: "big.png", data: big, type: "image/png" }]),
        })
      ).status,
    ).toBe(413);
  });

  it("answers 401 when signed out", async () => {
    expect((await new Client(app.url).request("POST", "/api/upload", { body: form([]) })).status).toBe(401);
  });
});

describe("lineage", () => {
  it("records the parent of an iteration, but only when the parent is the caller's own", async () => {
    const erin = await signIn(app.url, "erin@example.com");
    const parent = await create(erin, "flux-schnell", { prompt: "the original" });
    expect(parent.status).toBe(202);
    const child = await erin.post<{ id: string }>("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "an iteration" },
      parent_generation_id: parent.body.id,
    });
    expect(child.status).toBe(202);
    expect((await erin.get(`/api/generations/${child.body.id}`)).body).toMatchObject({
      parent_generation_id: parent.body.id,
    });
    const frank = await signIn(app.url, "frank@example.com");
    const foreign = await frank.post<{ id: string }>("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "not mine to iterate" },
      parent_generation_id: parent.body.id,
    });
    expect(foreign.status).toBe(202);
    expect((await frank.get(`/api/generations/${foreign.body.id}`)).body).toMatchObject({
      parent_generation_id: null,
    });
    const malformed = await erin.post("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "x" },
      parent_generation_id: "nope",
    });
    expect(malformed.status).toBe(400);
  });
});
