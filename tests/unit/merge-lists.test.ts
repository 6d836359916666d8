import { describe, expect, it } from "vitest";
import { mergeWithHead } from "@/components/generations/merge-lists";
import type { Generation } from "@/components/generations/types";

const item = (id: string, status: Generation["status"]): Generation => ({
  id,
  model: "flux-schnell",
  provider: "replicate",
  kind: "image",
  status,
  prompt: "a lighthouse",
  error: null,
  outputs: [],
  created_at: "2026-11-30T12:00:00.000Z",
  completed_at: status === "completed" ? "2026-11-30T12:00:03.000Z" : null,
  starred: false,
  tags: [],
  session_id: null,
  trashed_at: null,
});

describe("merging the polled head into loaded pages", () => {
  it("takes the head's copy of an item, it is polled", () => {
    const merged = mergeWithHead([item("a", "processing")], [item("a", "completed")], () => true, true);
    expect(merged.map((g) => g.status)).toEqual(["completed"]);
  });

  it("keeps a page's ended copy over a head fetched before the job ended", () => {
    const merged = mergeWithHead([item("a", "completed")], [item("a", "processing")], () => true, true);
    expect(merged.map((g) => g.status)).toEqual(["completed"]);
  });
});
