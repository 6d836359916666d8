// A provider's webhook can beat the app's own record of the submission (Replicate's "start" is
// sent while our submit call is still being answered). The delivery is kept and tried again a
// little later, logged as an expected wait: operators see no error for it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import {
  deliverReplicateWebhook,
  startAppWithProviders,
  stopAppWithProviders,
  waitForGeneration,
} from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;
let user: Client;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders({ speedFactor: 0.2 }));
  user = await signIn(app.url, "early@example.com");
});
afterAll(() => stopAppWithProviders(app, emulator));

describe("a webhook that arrives before its submission is recorded", () => {
  it("is tried again later and logged as a wait, never as an error", async () => {
    // `[stall]` holds the submit at the provider (4 s here), so no job id is recorded yet.
    const created = await user.post<{ id: string }>("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "an early bird [stall]" },
    });
    expect(created.status).toBe(202);
    const id = created.body.id;
    const eventId = `msg_early_${id}`;
    const delivered = await deliverReplicateWebhook({
      appUrl: app.url,
      emulator,
      generationId: id,
      eventId,
      prediction: { id: "not-recorded-yet", status: "starting", logs: "" },
    });
    expect(delivered.status).toBe(200);

    const waited = () =>
      app.logs().includes("webhook arrived before its submission was recorded") &&
      app.logs().includes("jobs: Failed task");
    for (const deadline = Date.now() + 10_000; !waited() && Date.now() < deadline; )
      await new Promise((r) => setTimeout(r, 100));
    const lines = app
      .logs()
      .split("\n")
      .filter((line) => line.includes(eventId) || line.includes("submission not recorded yet"));
    expect(lines.some((line) => line.includes("webhook arrived before its submission was recorded"))).toBe(
      true,
    );
    // The queue's own line for the retry is there, at info level; nothing at warn or error.
    expect(lines.some((line) => line.includes("jobs: Failed task"))).toBe(true);
    // (Once the submission is recorded, this made-up job id is set aside with a warning of its own.)
    const waits = lines.filter((line) => !line.includes("webhook job id does not match"));
    expect(waits.filter((line) => /"level":"(warn|error)"/.test(line))).toEqual([]);
    const [event] = await app.db.sql`
      select processed_at, last_error from webhook_events where event_id = ${eventId}`;
    expect(event?.processed_at).toBeNull();
    expect(event?.last_error).toBe("submission not recorded yet");

    // The job itself goes through once the provider answers.
    expect((await waitForGeneration(user, id, 30_000)).status).toBe("completed");
  });
});
