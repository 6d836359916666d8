import { describe, expect, it } from "vitest";
import { nextArgs } from "../../scripts/lib/serve";

describe("npm run dev / npm start", () => {
  it("listen on this machine only unless HOST says otherwise", () => {
    expect(nextArgs("dev", {})).toEqual(["dev", "--port", "3000", "--hostname", "127.0.0.1"]);
    expect(nextArgs("start", { PORT: "8080" })).toEqual([
      "start",
      "--port",
      "8080",
      "--hostname",
      "127.0.0.1",
    ]);
    expect(nextArgs("start", { HOST: "0.0.0.0" })).toContain("0.0.0.0");
  });
});
