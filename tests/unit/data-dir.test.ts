// A DATA_DIR inside a checkout never shows up in `git status`: the folder ignores itself.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureDataDir } from "../../scripts/lib/data-dir";

let repo: string;
const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" });

beforeEach(async () => {
  repo = await mkdtemp(path.join(tmpdir(), "atelier-checkout-"));
  git("init", "--quiet");
});
afterEach(() => rm(repo, { recursive: true, force: true }));

describe("the local data folder", () => {
  it("is ignored by git wherever DATA_DIR puts it in a checkout", async () => {
    const dataDir = path.join(repo, "var", "atelier-data");
    await ensureDataDir(dataDir);
    await mkdir(path.join(dataDir, "postgres"), { recursive: true });
    await writeFile(path.join(dataDir, "session-secret"), "secret");
    await writeFile(path.join(dataDir, "postgres", "PG_VERSION"), "18");
    expect(git("status", "--porcelain", "--untracked-files=all")).toBe("");
  });

  it("leaves a folder that already exists as it is", async () => {
    const existing = path.join(repo, "shared");
    await mkdir(existing);
    await ensureDataDir(existing);
    expect(existsSync(path.join(existing, ".gitignore"))).toBe(false);
  });
});
