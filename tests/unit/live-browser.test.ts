// The browser side of live updates without React: which channel a tab opens, what each event
// does to the React Query caches, and how often the lists poll with and without a channel.
import { QueryClient, QueryObserver } from "@tanstack/query-core";
import { describe, expect, it } from "vitest";
import { flowKeys } from "@/components/flows/api";
import { resolvePending } from "@/components/generations/cache-updates";
import { generationKeys } from "@/components/generations/query-keys";
import type { Generation, GenerationPage } from "@/components/generations/types";
import { applyCacheEffects, cacheEffectsOf } from "@/components/live/cache-effects";
import { chooseChannel } from "@/components/live/channel";
import { refreshCoalesced } from "@/components/live/refresh-coalesced";
import { refusedRetryMs } from "@/components/live/sse-channel";
import { meKey } from "@/contexts/me-query";
import { ACTIVE_POLL_MS, IDLE_POLL_MS, LIVE_POLL_MS, pollInterval } from "@/contexts/poll-interval";
import { type LiveConfig, toLiveEvent } from "@/lib/live/types";

const ID = "0b7e4f8a-1c2d-4e5f-8a9b-c0d1e2f3a4b5";
const OTHER = "6f1d2c4e-8a57-4d6b-9a0e-2f6f3b1c9d10";
const SUPABASE = { url: "https://project.supabase.co", key: "sb_publishable_x" };

function item(id: string, status: Generation["status"] = "completed"): Generation {
  return {
    id,
    model: "flux-schnell",
    provider: "replicate",
    kind: "image",
    status,
    prompt: "a lighthouse",
    error: null,
    outputs: [],
    created_at: "2026-11-30T12:00:00.000Z",
    completed_at: status === "completed" ? "2026-11-30T12:00:02.000Z" : null,
    starred: false,
    tags: [],
    session_id: null,
    trashed_at: null,
  };
}

describe("channel choice", () => {
  const signedIn = { signedIn: true, hasEventSource: true };
  const cases: [string, LiveConfig, typeof signedIn, string][] = [
    ["sse mode opens the event stream", { mode: "sse", supabase: null }, signedIn, "sse"],
    [
      "realtime mode subscribes through Supabase",
      { mode: "realtime", supabase: SUPABASE },
      signedIn,
      "realtime",
    ],
    [
      "realtime without project keys stays on polling",
      { mode: "realtime", supabase: null },
      signedIn,
      "none",
    ],
    ["polling mode opens nothing", { mode: "polling", supabase: null }, signedIn, "none"],
    [
      "a browser without EventSource polls",
      { mode: "sse", supabase: null },
      { signedIn: true, hasEventSource: false },
      "none",
    ],
    [
      "signed out opens nothing",
      { mode: "sse", supabase: SUPABASE },
      { signedIn: false, hasEventSource: true },
      "none",
    ],
  ];
  it.each(cases)("%s", (_name, config, context, expected) => {
    expect(chooseChannel(config, context)).toBe(expected);
  });
});

describe("events from the wire", () => {
  it("reads the three event types and refuses anything else", () => {
    expect(toLiveEvent("generation", { id: ID, status: "processing" })).toEqual({
      type: "generation",
      id: ID,
      status: "processing",
      deleted: false,
    });
    expect(toLiveEvent("generation", { id: ID, status: "completed", deleted: true })).toMatchObject({
      deleted: true,
    });
    expect(toLiveEvent("credits", { credits: 75 })).toEqual({ type: "credits", credits: 75 });
    expect(toLiveEvent("credits", {})).toEqual({ type: "credits", credits: null });
    expect(toLiveEvent("resync", null)).toEqual({ type: "resync" });
    expect(toLiveEvent("generation", { id: ID, status: "exploded" })).toBeNull();
    expect(toLiveEvent("generation", { status: "queued" })).toBeNull();
    expect(toLiveEvent("message", { id: ID })).toBeNull();
  });
});

describe("event → cache effects", () => {
  it("a changed generation refetches the list heads, the active lists and its result page", () => {
    expect(cacheEffectsOf({ type: "generation", id: ID, status: "completed", deleted: false })).toEqual([
      { action: "invalidate", queryKey: ["generations", "recent"] },
      { action: "invalidate", queryKey: ["generations", "status"] },
      { action: "invalidate", queryKey: ["generations", "detail", ID], exact: true },
    ]);
  });

  it("a deleted generation leaves every cached list at once", () => {
    expect(cacheEffectsOf({ type: "generation", id: ID, status: "completed", deleted: true })[0]).toEqual({
      action: "remove-generation",
      id: ID,
    });
  });

  it("a balance is set as it arrives; a change without one refetches it", () => {
    expect(cacheEffectsOf({ type: "credits", credits: 42 })).toEqual([
      { action: "set-credits", credits: 42 },
    ]);
    expect(cacheEffectsOf({ type: "credits", credits: null })).toEqual([
      { action: "invalidate", queryKey: ["me"], exact: true },
    ]);
  });

  it("a resync refetches everything live updates keep fresh", () => {
    expect(cacheEffectsOf({ type: "resync" }).map((e) => e.action === "invalidate" && e.queryKey)).toEqual([
      ["generations", "recent"],
      ["generations", "status"],
      ["generations", "detail"],
      ["me"],
      ["flows"],
    ]);
  });

  it("a changed flow run refetches that run, its flow's history and the list, not the flow's graph", () => {
    expect(cacheEffectsOf({ type: "flow_run", id: ID, flow_id: OTHER, status: "running" })).toEqual([
      { action: "invalidate", queryKey: flowKeys.run(OTHER, ID), exact: true },
      { action: "invalidate", queryKey: flowKeys.runs(OTHER), exact: true },
      { action: "invalidate", queryKey: flowKeys.list, exact: true },
    ]);
  });

  it("applied to a query client, marks exactly the matching queries stale and sets the balance", () => {
    const client = new QueryClient();
    const page = (id: string): GenerationPage => ({ items: [item(id)], next_cursor: null });
    client.setQueryData(generationKeys.recent("all"), page(ID));
    client.setQueryData(generationKeys.recent("video"), page(OTHER));
    client.setQueryData(generationKeys.status("queued", "all"), page(ID));
    client.setQueryData(generationKeys.history("all", "all"), { pages: [page(ID)], pageParams: [null] });
    client.setQueryData(generationKeys.detail(ID), item(ID));
    client.setQueryData(generationKeys.detail(OTHER), item(OTHER));
    client.setQueryData(meKey, { credits: 10 });
    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated ?? false;

    applyCacheEffects(
      client,
      cacheEffectsOf({ type: "generation", id: ID, status: "completed", deleted: false }),
    );
    expect(stale(generationKeys.recent("all"))).toBe(true);
    expect(stale(generationKeys.recent("video"))).toBe(true);
    expect(stale(generationKeys.status("queued", "all"))).toBe(true);
    expect(stale(generationKeys.detail(ID))).toBe(true);
    // Other results and the paged history (merged with the head, never refetched whole) stay.
    expect(stale(generationKeys.detail(OTHER))).toBe(false);
    expect(stale(generationKeys.history("all", "all"))).toBe(false);
    expect(stale(meKey)).toBe(false);

    applyCacheEffects(client, cacheEffectsOf({ type: "credits", credits: 35 }));
    expect(client.getQueryData(meKey)).toEqual({ credits: 35 });

    applyCacheEffects(
      client,
      cacheEffectsOf({ type: "generation", id: ID, status: "completed", deleted: true }),
    );
    expect(client.getQueryData<GenerationPage>(generationKeys.recent("all"))?.items).toEqual([]);
    expect(client.getQueryData(generationKeys.detail(ID))).toBeUndefined();
  });
});

describe("a placeholder meets its real row", () => {
  it("is dropped, not renamed into a duplicate, when a refetch brought the row first", () => {
    const client = new QueryClient();
    const pending = { ...item("pending-1", "queued") };
    // A live event refetched the list while the create call was still answering.
    client.setQueryData<GenerationPage>(generationKeys.recent("all"), {
      items: [pending, item(ID, "queued")],
      next_cursor: null,
    });
    resolvePending(client, "pending-1", ID, "queued");
    const ids = client.getQueryData<GenerationPage>(generationKeys.recent("all"))?.items.map((i) => i.id);
    expect(ids).toEqual([ID]);
  });

  it("is renamed when the row is not in the list yet", () => {
    const client = new QueryClient();
    client.setQueryData<GenerationPage>(generationKeys.recent("all"), {
      items: [item("pending-1", "queued"), item(OTHER)],
      next_cursor: null,
    });
    resolvePending(client, "pending-1", ID, "queued");
    const items = client.getQueryData<GenerationPage>(generationKeys.recent("all"))?.items ?? [];
    expect(items.map((i) => [i.id, i.status])).toEqual([
      [ID, "queued"],
      [OTHER, "completed"],
    ]);
  });
});

describe("polling beside the live channel", () => {
  const active = [item(ID, "processing")];
  const idle = [item(ID)];
  it("without a channel: every second while a job is active in a visible tab, else every 30 s", () => {
    expect(ACTIVE_POLL_MS).toBe(1_000);
    expect(IDLE_POLL_MS).toBe(30_000);
    expect(pollInterval(active)).toBe(ACTIVE_POLL_MS);
    expect(pollInterval([item(ID, "queued")], false, true)).toBe(ACTIVE_POLL_MS);
    expect(pollInterval(active, false, false)).toBe(IDLE_POLL_MS);
    expect(pollInterval(idle)).toBe(IDLE_POLL_MS);
    expect(pollInterval(undefined)).toBe(IDLE_POLL_MS);
  });
  it("slows to the safety net while connected, whatever is running", () => {
    expect(pollInterval(active, true)).toBe(LIVE_POLL_MS);
    expect(pollInterval(idle, true)).toBe(LIVE_POLL_MS);
    expect(LIVE_POLL_MS).toBe(30_000);
  });
  it("retries a refused stream with growing, capped delays", () => {
    expect([1, 2, 3, 4, 10].map(refusedRetryMs)).toEqual([5_000, 10_000, 20_000, 40_000, 120_000]);
  });
});

describe("refetching on a stream of events", () => {
  it("lets a fetch in flight finish and fetches once more after it, however many events came", async () => {
    const client = new QueryClient();
    const started: number[] = [];
    const finished: number[] = [];
    // What the page already shows; the observer refetches it at once (stale).
    client.setQueryData(["generations", "detail", ID], 0);
    const observer = new QueryObserver(client, {
      queryKey: ["generations", "detail", ID],
      queryFn: async () => {
        const call = started.push(Date.now());
        await new Promise((r) => setTimeout(r, 150));
        finished.push(call);
        return call;
      },
    });
    const unsubscribe = observer.subscribe(() => {});
    await new Promise((r) => setTimeout(r, 10));
    // Progress events every 15 ms during the first fetch: a plain invalidate would cancel it each time.
    for (let i = 0; i < 5; i++) {
      refreshCoalesced(client, { queryKey: ["generations", "detail", ID], exact: true });
      await new Promise((r) => setTimeout(r, 15));
    }
    await new Promise((r) => setTimeout(r, 400));
    expect(started).toHaveLength(2);
    expect(finished).toEqual([1, 2]);
    expect(observer.getCurrentResult().data).toBe(2);
    unsubscribe();
  });
});
