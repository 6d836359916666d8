// Log lines (lib/log.ts): one JSON object per line, written together at the end of the event
// loop's turn; errors at once; nothing lost when the process exits right after logging.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "@/lib/log";

afterEach(() => {
  vi.restoreAllMocks();
});

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("log", () => {
  it("writes the lines of one turn in one write, in order, one JSON object each", async () => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const log = createLogger({ requestId: "r1" });
    log.info("first", { n: 1 });
    log.child({ userId: "u1" }).info("second");
    log.info("third", { n: 3 });
    expect(out).not.toHaveBeenCalled();
    await nextTurn();
    expect(out).toHaveBeenCalledTimes(1);
    const lines = String(out.mock.calls[0]?.[0])
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toMatchObject([
      { level: "info", message: "first", requestId: "r1", n: 1 },
      { level: "info", message: "second", requestId: "r1", userId: "u1" },
      { level: "info", message: "third", n: 3 },
    ]);
  });

  it("writes an error at once, to stderr, with its stack", () => {
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    createLogger().error("boom", { error: new Error("broken") });
    expect(err).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(err.mock.calls[0]?.[0]))).toMatchObject({
      level: "error",
      message: "boom",
      error: { name: "Error", message: "broken" },
    });
  });

  it("loses nothing when the process exits right after logging", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const script = `import { log } from "./lib/log.ts"; for (let i = 0; i < 3; i++) log.info("line", { i }); log.warn("last"); process.exit(0);`;
    const output = execFileSync(path.join(root, "node_modules/.bin/tsx"), ["--eval", script], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(
      output
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line).i),
    ).toEqual([0, 1, 2]);
  });
});
