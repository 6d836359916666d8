// The one deadline helper the middleware's auth lookup and the benchmarks share.
import { describe, expect, it } from "vitest";
import { withTimeout } from "@/lib/with-timeout";

describe("withTimeout", () => {
  it("passes on an answer that comes in time, and its failure as it was", async () => {
    await expect(withTimeout(Promise.resolve("page"), 1_000, "auth lookup")).resolves.toBe("page");
    await expect(withTimeout(Promise.reject(new Error("refused")), 1_000, "auth lookup")).rejects.toThrow(
      "refused",
    );
  });

  it("fails naming what was waited for once the time is up", async () => {
    const never = new Promise<never>(() => {});
    await expect(withTimeout(never, 20, "auth lookup")).rejects.toThrow("auth lookup timed out after 20 ms");
  });
});
