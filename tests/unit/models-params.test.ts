// The parameter DSL: one declaration gives the zod schema and the UI descriptor.
import { describe, expect, it } from "vitest";
import { defineParams, formatIssue, param } from "@/lib/models/params";

const set = defineParams(
  {
    prompt: param.text({ label: "Prompt", required: true, multiline: true, maxLength: 10 }),
    note: param.text({ label: "Note" }),
    size: param.select({ label: "Size", options: [{ value: 2, label: "2×" }, 4], default: 4 }),
    strength: param.number({ label: "Strength", min: 0, max: 1, step: 0.1, default: 0.5, slider: true }),
    count: param.integer({ label: "Count", min: 1, max: 3, default: 1 }),
    seed: param.seed(),
    on: param.toggle({ label: "On", default: true }),
    image: param.image({ label: "Image" }),
    refs: param.images({ label: "Refs", min: 0, max: 2 }),
  },
  [(v) => (v.on === false && v.count > 1 ? { field: "count", message: "must be 1 when off" } : undefined)],
);

function error(raw: unknown) {
  const parsed = set.schema.safeParse(raw);
  return parsed.success ? null : formatIssue(parsed.error);
}

describe("param DSL", () => {
  it("describes every field in declaration order with its hints", () => {
    expect(set.descriptors.map((d) => [d.name, d.type, d.control, d.required])).toEqual([
      ["prompt", "string", "textarea", true],
      ["note", "string", "text", false],
      ["size", "enum", "select", false],
      ["strength", "number", "slider", false],
      ["count", "integer", "number", false],
      ["seed", "integer", "number", false],
      ["on", "boolean", "toggle", false],
      ["image", "image", "image", false],
      ["refs", "images", "images", false],
    ]);
    expect(set.descriptors.find((d) => d.name === "size")).toMatchObject({
      default: 4,
      options: [
        { value: 2, label: "2×" },
        { value: 4, label: "4" },
      ],
    });
    expect(set.descriptors.find((d) => d.name === "strength")).toMatchObject({
      min: 0,
      max: 1,
      step: 0.1,
      default: 0.5,
    });
    expect(set.descriptors.find((d) => d.name === "count")).toMatchObject({ step: 1 });
    expect(set.descriptors.find((d) => d.name === "seed")).toMatchObject({ advanced: true });
    expect(set.descriptors.find((d) => d.name === "refs")).toMatchObject({ min: 0, max: 2 });
  });

  it("fills the same defaults the descriptors announce", () => {
    const parsed = set.schema.parse({ prompt: "hi" });
    expect(parsed).toEqual({ prompt: "hi", size: 4, strength: 0.5, count: 1, on: true, refs: [] });
    for (const d of set.descriptors)
      if (d.default !== undefined) expect(parsed[d.name as keyof typeof parsed]).toEqual(d.default);
  });

  it.each([
    [{}, "prompt: is required"],
    [{ prompt: "0123456789x" }, "prompt: must be at most 10 characters"],
    [{ prompt: "hi", size: "4" }, "size: must be one of: 2, 4"],
    [{ prompt: "hi", strength: 1.5 }, "strength: must be at most 1"],
    [{ prompt: "hi", strength: "high" }, "strength: must be a number"],
    [{ prompt: "hi", count: 0 }, "count: must be at least 1"],
    [{ prompt: "hi", seed: -1 }, "seed: must be at least 0"],
    [{ prompt: "hi", on: 1 }, "on: must be true or false"],
    [{ prompt: "hi", image: "ftp://x/y.png" }, "image: must be an http(s) URL or an asset id"],
    [{ prompt: "hi", refs: "https://x/y.png" }, "refs: must be a list of image URLs or asset ids"],
    [
      { prompt: "hi", refs: ["https://a/1", "https://a/2", "https://a/3"] },
      "refs: must have at most 2 images",
    ],
    [{ prompt: "hi", refs: ["nope"] }, "refs.0: must be an http(s) URL or an asset id"],
    [{ prompt: "hi", extra: 1 }, "extra: is not a parameter of this model"],
    [{ prompt: "hi", on: false, count: 2 }, "count: must be 1 when off"],
    [42, "input: must be an object"],
  ])("%j -> %s", (raw, message) => {
    expect(error(raw)).toBe(message);
  });

  it("requires at least `min` images when min > 0", () => {
    const required = defineParams({ refs: param.images({ label: "Refs", min: 1, max: 3 }) });
    expect(required.descriptors[0]).toMatchObject({ required: true, min: 1 });
    const parsed = required.schema.safeParse({ refs: [] });
    expect(parsed.success ? null : formatIssue(parsed.error)).toBe("refs: must have at least 1 image");
  });
});
