import { describe, expect, it } from "vitest";
import { buildSessionForest } from "@/components/sessions/session-tree-model";

const at = (n: number) => `2026-11-30T12:00:0${n}.000Z`;
const item = (id: string, n: number) => ({ id, created_at: at(n) });
const shape = (nodes: ReturnType<typeof buildSessionForest>): unknown =>
  nodes.map((node) => [node.item.id, node.depth, shape(node.children)]);

describe("session forest", () => {
  it("puts each generation under the one it iterated on, roots in the order they were made", () => {
    const items = [item("c", 3), item("a", 1), item("b", 2), item("b1", 4), item("b2", 5), item("b1x", 6)];
    const edges = [
      { from: "b", to: "b1", slot: "image" },
      { from: "b", to: "b2", slot: "image" },
      { from: "b1", to: "b1x", slot: "image" },
    ];
    expect(shape(buildSessionForest(items, edges))).toEqual([
      ["a", 0, []],
      [
        "b",
        0,
        [
          ["b1", 1, [["b1x", 2, []]]],
          ["b2", 1, []],
        ],
      ],
      ["c", 0, []],
    ]);
  });

  it("names further parents and parents outside the session, and survives a cycle", () => {
    const items = [item("a", 1), item("b", 2), item("m", 3)];
    const edges = [
      { from: "a", to: "m", slot: "reference" },
      { from: "b", to: "m", slot: "reference" },
      { from: "outside", to: "a", slot: "image" },
      { from: "m", to: "a", slot: "image" },
      { from: "a", to: "m", slot: "image" },
    ];
    const forest = buildSessionForest(items, edges);
    const a = forest.find((node) => node.item.id === "a");
    expect(a?.external).toEqual(["outside"]);
    expect(a?.children.map((c) => [c.item.id, c.alsoFrom])).toEqual([["m", ["b"]]]);
    expect(forest.map((node) => node.item.id)).toEqual(["a", "b"]);
  });
});
