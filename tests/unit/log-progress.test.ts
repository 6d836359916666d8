// Progress and the latest line, read from the logs providers report (Replicate's text, fal's
// messages joined), as models print them with tqdm.
import { describe, expect, it } from "vitest";
import { lastLogLine, parseProgress } from "@/lib/providers/log-progress";
import { tqdmLine } from "@/scripts/emulator/jobs";

describe("parseProgress", () => {
  it.each([
    ["a bare tqdm line", " 45%|████▌     | 9/20 [00:04<00:05,  2.10it/s]", 9 / 20],
    ["a described one", "Sampling:  76%|███████▌  | 7568/10000 [00:33<00:10, 229.00it/s]", 0.7568],
    ["the percentage alone when no count follows", " 45%|████▌     |", 0.45],
    ["the start", "  0%|          | 0/28 [00:00<?, ?it/s]", 0],
    ["the end", "100%|██████████| 28/28 [00:03<00:00,  8.01it/s]", 1],
  ])("reads %s", (_, logs, expected) => {
    expect(parseProgress(logs)).toBeCloseTo(expected, 5);
  });

  it("takes the last progress line of a whole log, whether lines end in \\n or \\r", () => {
    const logs = [
      "Using seed: 42",
      "  0%|          | 0/20 [00:00<?, ?it/s]",
      " 10%|█         | 2/20 [00:00<00:04,  4.00it/s]\r 55%|█████▌    | 11/20 [00:02<00:02,  4.00it/s]",
      "a line after the bar",
    ].join("\n");
    expect(parseProgress(logs)).toBeCloseTo(11 / 20, 5);
  });

  it("follows a second bar from its start (a second stage resets to 0)", () => {
    const logs = "100%|██████████| 20/20 [00:05<00:00]\nUpscaling\n  5%|▌         | 1/20 [00:00<00:04]";
    expect(parseProgress(logs)).toBeCloseTo(0.05, 5);
  });

  it("ignores colour codes around the line", () => {
    expect(parseProgress("\u001b[32m 50%|█████     | 5/10 [00:01<00:01]\u001b[0m")).toBe(0.5);
  });

  it.each([
    ["no logs", null],
    ["empty logs", ""],
    ["logs without a bar", "Using seed: 42\nLoading weights 45% done"],
    ["a percentage outside a bar", "GPU memory 45%"],
  ])("is null for %s", (_, logs) => {
    expect(parseProgress(logs)).toBeNull();
  });

  it("stays within 0 and 1 whatever the line claims", () => {
    expect(parseProgress("130%|██████████| 13/10 [00:01<00:00]")).toBe(1);
    expect(parseProgress("130%|██████████|")).toBe(1);
  });

  it("reads every line the emulator prints, step by step", () => {
    for (let step = 0; step <= 20; step++)
      expect(parseProgress(tqdmLine(step, 20, step * 0.5))).toBeCloseTo(step / 20, 5);
  });
});

describe("lastLogLine", () => {
  it("is the last non-empty line, trimmed, a carriage return ending a line too", () => {
    expect(lastLogLine("Using seed: 42\n  first  \n\n")).toBe("first");
    expect(lastLogLine(" 10%|█ | 1/10\r 20%|██ | 2/10\r")).toBe("20%|██ | 2/10");
  });

  it("is null for no logs or only blank lines", () => {
    expect(lastLogLine(undefined)).toBeNull();
    expect(lastLogLine("\n \r\n")).toBeNull();
  });

  it("is cut short, so one runaway line cannot fill the row", () => {
    const line = lastLogLine("x".repeat(5000));
    expect(line).toHaveLength(300);
    expect(line?.endsWith("…")).toBe(true);
  });
});
