// Image nodes name their picture by asset id; the link to show it is signed whenever the flow is
// read, never stored in the graph. Graphs saved before kept a signed link of their own, which
// expires: such a link to the person's own file still shows and still runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlowNode } from "../../lib/flows/graph-schema";
import { signFileUrl } from "../../lib/storage/signed-url";
import type { Emulator } from "../../scripts/emulator/server";
import { TEST_SESSION_SECRET, type TestApp } from "../helpers/app";
import { createFlow, link, node, startRun, statuses, waitForRun } from "../helpers/flows";
import { type Client, signIn } from "../helpers/http";
import { startAppWithProviders, stopAppWithProviders } from "../helpers/providers";
import { solidPng, uploadImage } from "../helpers/tool-images";

let app: TestApp;
let emulator: Emulator;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders({ speedFactor: 0.2, env: { STARTING_CREDITS: "100" } }));
});
afterAll(() => stopAppWithProviders(app, emulator));

const image = (id: string, data: { asset_id?: string; url?: string }): FlowNode => ({
  id,
  type: "image",
  position: { x: 0, y: 0 },
  data,
});

/** An image edited by FLUX Kontext: what an Image node feeds. */
const editGraph = (source: FlowNode) => ({
  nodes: [source, node.text("t", "make it snowy"), node.generate("edit", "flux-kontext-pro")],
  edges: [link(source.id, "edit", "image"), link("t", "edit", "prompt")],
});

type Detail = {
  graph: { nodes: { id: string; data: Record<string, unknown> }[] };
  images: Record<string, string>;
};

async function picture(url: string | undefined): Promise<number> {
  const res = await fetch(new URL(url ?? "/missing", app.url));
  expect(res.headers.get("content-type") ?? "").toMatch(res.ok ? /^image\// : /.*/);
  return res.status;
}

describe("an Image node", () => {
  it("keeps an asset id, and whoever reads the flow gets a fresh link to the picture", async () => {
    const client = await signIn(app.url, "images-owner@example.com");
    const { asset_id } = await uploadImage(client, await solidPng(64, 64, "#2a9d8f"));
    const flowId = await createFlow(client, editGraph(image("src", { asset_id })));
    const read = await client.get<Detail>(`/api/flows/${flowId}`);
    expect(read.body.graph.nodes.find((n) => n.id === "src")?.data).toEqual({ asset_id });
    expect(await picture(read.body.images[asset_id])).toBe(200);

    // Someone else naming that asset sees no picture, and cannot run it.
    const other: Client = await signIn(app.url, "images-other@example.com");
    const theirs = await createFlow(other, editGraph(image("src", { asset_id })));
    expect((await other.get<Detail>(`/api/flows/${theirs}`)).body.images).toEqual({});
    const refused = await other.post(`/api/flows/${theirs}/runs`, {});
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { message: expect.stringContaining("src") } });
  });

  it("of an older graph, named by a link to the person's own file that has expired, still shows and runs", async () => {
    const client = await signIn(app.url, "images-legacy@example.com");
    const upload = await uploadImage(client, await solidPng(64, 64, "#e76f51"));
    const path = new URL(upload.url).pathname.replace(/^\/api\/files\//, "");
    const expired = signFileUrl({
      secret: TEST_SESSION_SECRET,
      objectPath: path,
      expiresAt: Math.floor(Date.now() / 1000) - 3600,
      baseUrl: app.url,
    });
    expect(await picture(expired)).not.toBe(200);
    const flowId = await createFlow(client, editGraph(image("src", { url: expired })));
    const read = await client.get<Detail>(`/api/flows/${flowId}`);
    expect(await picture(read.body.images[expired])).toBe(200);

    const run = await waitForRun(client, flowId, await startRun(client, flowId));
    expect(run.status, JSON.stringify(run.nodes)).toBe("completed");
    expect(statuses(run)).toEqual({ src: "done", t: "done", edit: "done" });
    // The edit read the upload itself, through a link signed when it started.
    const [edge] = await app.db.sql<{ asset_id: string }[]>`
      select gi.asset_id from generation_inputs gi join generations g on g.id = gi.generation_id
      where g.flow_run_id = ${run.id} and g.node_id = 'edit'`;
    expect(edge?.asset_id).toBe(upload.asset_id);
  });
});
