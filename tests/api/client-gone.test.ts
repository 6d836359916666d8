// A client that leaves mid-request (a reload while a body is on its way) is logged as such, not
// as a server error, and the server goes on answering others.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";

let app: TestApp;
let user: Client;

beforeAll(async () => {
  app = await startApp();
  user = await signIn(app.url, "leaver@example.com");
});
afterAll(async () => {
  await app?.stop();
});

/** Sends the headers and part of a JSON body, then drops the connection. */
function leaveMidBody(path: string, cookie: string): Promise<void> {
  return new Promise((resolve) => {
    const req = request(new URL(path, app.url), {
      method: "POST",
      headers: { cookie, "content-type": "application/json", "content-length": "1000" },
    });
    req.on("error", () => resolve());
    req.write('{"model":"flux-schnell","input":{"prompt":"half a');
    setTimeout(() => {
      req.destroy();
      resolve();
    }, 300);
  });
}

describe("a client that closes the connection mid-body", () => {
  it("is logged as a closed request, never as an unhandled error", async () => {
    const cookie = `atelier_session=${user.cookie("atelier_session")}`;
    await leaveMidBody("/api/generations/create", cookie);
    const deadline = Date.now() + 10_000;
    while (!app.logs().includes("client closed the request") && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const lines = app
      .logs()
      .split("\n")
      .filter((line) => line.includes('"path":"/api/generations/create"'));
    expect(
      lines.some((line) => line.includes('"message":"client closed the request"')),
      lines.join("\n"),
    ).toBe(true);
    expect(lines.some((line) => line.includes('"status":499'))).toBe(true);
    expect(lines.filter((line) => line.includes("unhandled error"))).toEqual([]);
    // Nothing was created from the half a body.
    const list = await user.get<{ items: unknown[] }>("/api/generations/list");
    expect(list.body.items).toEqual([]);
  });
});
