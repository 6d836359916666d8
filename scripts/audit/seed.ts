// What the audited account holds, so the signed-in pages are audited as people see them after a
// while rather than empty: finished and failed generations on /history and the home page, and a
// flow that has run on /flows. Made through the API against the provider emulator.
import type { BenchApp } from "../bench/harness";

const PROMPTS = ["a lighthouse at dusk, long exposure", "a red kite over the dunes", "storm glass [fail]"];

export async function seedAccount(app: BenchApp, userId: string, token: string): Promise<void> {
  await app.sql`insert into credit_ledger (user_id, delta, reason) values (${userId}, 10000, 'grant')`;
  const call = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${app.url}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { cookie: `atelier_session=${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const ids: string[] = [];
  for (const prompt of PROMPTS)
    ids.push(
      (await call<{ id: string }>("/api/generations/create", { model: "flux-schnell", input: { prompt } }))
        .id,
    );
  const flow = await call<{ id: string }>("/api/flows", { template: "text-image-upscale" });
  const run = await call<{ id: string }>(`/api/flows/${flow.id}/runs`, {});
  const deadline = Date.now() + 60_000;
  const settled = async () => {
    const generations = await Promise.all(
      ids.map((id) => call<{ status: string }>(`/api/generations/${id}`)),
    );
    const flowRun = await call<{ status: string }>(`/api/flows/${flow.id}/runs/${run.id}`);
    return (
      generations.every((g) => !["queued", "processing"].includes(g.status)) && flowRun.status !== "running"
    );
  };
  while (!(await settled())) {
    if (Date.now() > deadline) throw new Error("the audited account's jobs did not finish within a minute");
    await new Promise((r) => setTimeout(r, 250));
  }
}
