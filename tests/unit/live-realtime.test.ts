// The Realtime path cannot reach a real Supabase here; what can be checked is what the browser
// asks Realtime for. These run the real supabase-js client and read the join message its channel
// would send (the server gets exactly these postgres_changes), and map Realtime change payloads
// (their documented shape) to the events the server-sent stream delivers.
import { createClient } from "@supabase/supabase-js";
import { afterEach, describe, expect, it } from "vitest";
import { eventFromChange, liveChangeFilters, subscribeLiveChanges } from "@/lib/supabase/realtime-live";

const ALICE = "6f1d2c4e-8a57-4d6b-9a0e-2f6f3b1c9d10";
const GEN = "0b7e4f8a-1c2d-4e5f-8a9b-c0d1e2f3a4b5";

// Nothing listens there: the socket never opens, and nothing leaves the machine.
const client = createClient("http://127.0.0.1:9", "sb_publishable_test", {
  auth: { persistSession: false, autoRefreshToken: false },
  realtime: { reconnectAfterMs: () => 60_000 },
});

afterEach(async () => {
  await client.removeAllChannels();
  client.realtime.disconnect();
});

describe("Realtime subscription", () => {
  it("asks for the user's own generations and flow runs (insert, update) and own profile row only", () => {
    expect(liveChangeFilters(ALICE)).toEqual([
      { event: "INSERT", schema: "public", table: "generations", filter: `user_id=eq.${ALICE}` },
      { event: "UPDATE", schema: "public", table: "generations", filter: `user_id=eq.${ALICE}` },
      { event: "UPDATE", schema: "public", table: "profiles", filter: `id=eq.${ALICE}` },
      { event: "INSERT", schema: "public", table: "flow_runs", filter: `user_id=eq.${ALICE}` },
      { event: "UPDATE", schema: "public", table: "flow_runs", filter: `user_id=eq.${ALICE}` },
    ]);
  });

  it("refuses anything but a uuid in a filter", () => {
    expect(() => liveChangeFilters("x,user_id=neq.0")).toThrow(/uuid/);
  });

  it("joins one channel whose postgres_changes are exactly those filters", () => {
    const stop = subscribeLiveChanges(client, ALICE, { onEvent: () => {}, onConnected: () => {} });
    const [channel] = client.getChannels();
    expect(channel?.topic).toBe(`realtime:live:${ALICE}`);
    const payload = channel?.joinPush.payload() as { config: { postgres_changes: unknown[] } };
    expect(payload.config.postgres_changes).toEqual(liveChangeFilters(ALICE));
    stop();
  });

  it("unsubscribing removes the channel", async () => {
    const stop = subscribeLiveChanges(client, ALICE, { onEvent: () => {}, onConnected: () => {} });
    expect(client.getChannels()).toHaveLength(1);
    stop();
    await expect.poll(() => client.getChannels().length).toBe(0);
  });
});

describe("Realtime changes as live events", () => {
  const change = (table: string, row: Record<string, unknown>) => ({
    schema: "public",
    table,
    commit_timestamp: "2026-11-30T12:00:00Z",
    eventType: "UPDATE",
    new: row,
    old: {},
    errors: null,
  });

  it("a generation row gives its id and status", () => {
    expect(eventFromChange(change("generations", { id: GEN, user_id: ALICE, status: "completed" }))).toEqual({
      type: "generation",
      id: GEN,
      status: "completed",
      deleted: false,
    });
  });

  it("a flow run row gives the run, its flow and status: the same event the stream sends", () => {
    const FLOW = "5a1e2b3c-4d5e-4f60-8172-93a4b5c6d7e8";
    expect(
      eventFromChange(
        change("flow_runs", { id: GEN, flow_id: FLOW, user_id: ALICE, status: "running", revision: 4 }),
      ),
    ).toEqual({ type: "flow_run", id: GEN, flow_id: FLOW, status: "running" });
  });

  it("a profile row gives the balance", () => {
    expect(eventFromChange(change("profiles", { id: ALICE, credits: 125 }))).toEqual({
      type: "credits",
      credits: 125,
    });
  });

  it("anything else is ignored", () => {
    expect(eventFromChange(change("generations", { id: GEN, status: "weird" }))).toBeNull();
    expect(eventFromChange(change("notifications", { id: GEN }))).toBeNull();
  });
});
