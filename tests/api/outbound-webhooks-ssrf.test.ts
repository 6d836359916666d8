// Outbound webhooks may not reach private, loopback or link-local addresses: refused when the
// endpoint is added, and again at send time after DNS, for a name that pointed somewhere public
// when it was added and points at 127.0.0.1 now. Plain http is refused in production (this is a
// production build). Nothing is stored for a refused endpoint; nothing reaches a refused target.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seal } from "../../lib/crypto/secret-box";
import { startApp, type TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import { startWebhookReceiver, type WebhookReceiver } from "../helpers/webhook-receiver";

const ENCRYPTION_SECRET = randomBytes(32).toString("base64");

let app: TestApp;
let receiver: WebhookReceiver;
let alice: Client;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  app = await startApp({ ENCRYPTION_SECRET });
  alice = await signIn(app.url, "alice@example.com");
});
afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

describe("adding an endpoint", () => {
  it.each([
    ["loopback", "https://127.0.0.1/hook"],
    ["loopback by name", `https://localhost:${"PORT"}/hook`],
    ["IPv6 loopback", "https://[::1]/hook"],
    ["a private network", "https://10.1.2.3/hook"],
    ["another private network", "https://192.168.1.10/hook"],
    ["the cloud metadata address (link-local)", "https://169.254.169.254/latest/meta-data"],
    ["an IPv4-mapped loopback", "https://[::ffff:127.0.0.1]/hook"],
    ["plain http in production", "http://example.com/hook"],
  ])("refuses %s with a 422 naming url, and stores nothing", async (_label, raw) => {
    const url = raw.replace("PORT", String(receiver.port));
    const res = await alice.post("/api/webhook-endpoints", { url, events: ["generation.completed"] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code: "unprocessable", field: "url" } });
    expect(await app.db.sql`select id from webhook_endpoints`).toHaveLength(0);
  });
});

describe("sending", () => {
  it("checks the address again after DNS and refuses a name that now resolves to 127.0.0.1", async () => {
    // An endpoint added while `localhost` (say) still resolved to a public address: written
    // straight into the table, as the check at creation would have passed it then.
    const [profile] = await app.db.sql<
      { id: string }[]
    >`select id from profiles where email = 'alice@example.com'`;
    const id = randomUUID();
    const sealed = seal(
      `whsec_${randomBytes(32).toString("base64")}`,
      ENCRYPTION_SECRET,
      `webhook_endpoints:${id}`,
    );
    await app.db.sql`
      insert into webhook_endpoints (id, user_id, url, events, secret_ciphertext)
      values (${id}, ${profile?.id ?? null}, ${`https://localhost:${receiver.port}/rebound`},
              ${["generation.completed"]}, ${sealed})`;

    const sent = await alice.post(`/api/webhook-endpoints/${id}/test`);
    expect(sent.status).toBe(202);
    type Delivery = {
      attempts: number;
      status: string;
      last_error: string | null;
      last_status_code: number | null;
    };
    let delivery: Delivery | undefined;
    for (let i = 0; i < 100 && !delivery?.attempts; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const res = await alice.get<{ deliveries: Delivery[] }>(`/api/webhook-endpoints/${id}/deliveries`);
      delivery = res.body.deliveries[0];
    }
    expect(delivery).toMatchObject({
      attempts: 1,
      status: "pending",
      last_status_code: null,
      last_error: expect.stringMatching(/Refused: localhost resolves to a private/),
    });
    // Not a request, not even a connection: the address was refused before any was opened.
    expect(receiver.connections()).toBe(0);
  });
});
