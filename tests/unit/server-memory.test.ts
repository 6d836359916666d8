import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  SERVER_MALLOC_ARENA_MAX,
  SERVER_NODE_OPTIONS,
  withServerMemorySettings,
} from "../../scripts/lib/server-memory";

describe("production server memory settings", () => {
  it("adds the small young generation and two malloc arenas to a plain environment", () => {
    const env = withServerMemorySettings({ NODE_ENV: "production", PORT: "3000" });
    expect(env).toEqual({
      NODE_ENV: "production",
      PORT: "3000",
      MALLOC_ARENA_MAX: "2",
      NODE_OPTIONS: "--max-semi-space-size=4",
    });
  });

  it("leaves an operator's own choices in force", () => {
    const env = withServerMemorySettings({
      NODE_ENV: "production",
      MALLOC_ARENA_MAX: "8",
      NODE_OPTIONS: "--max-semi-space-size=16",
    });
    expect(env.MALLOC_ARENA_MAX).toBe("8");
    // V8 takes the last of a repeated flag: the operator's comes after ours.
    expect(env.NODE_OPTIONS).toBe("--max-semi-space-size=4 --max-semi-space-size=16");
  });

  it("are the settings PM2 starts the app and the job worker with", () => {
    const { apps } = createRequire(import.meta.url)("../../ecosystem.config.cjs") as {
      apps: { name: string; node_args?: string; env: Record<string, unknown> }[];
    };
    for (const name of ["atelier", "atelier-worker"]) {
      const app = apps.find((a) => a.name === name);
      expect(app?.node_args).toContain(SERVER_NODE_OPTIONS);
      expect(app?.env.MALLOC_ARENA_MAX).toBe(SERVER_MALLOC_ARENA_MAX);
    }
  });
});
