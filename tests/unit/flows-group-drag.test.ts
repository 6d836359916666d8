import type { NodeChange } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { draggedIds, edgesWithin, groupOffset, isRigidGroup } from "@/components/flows/store/group-drag";

const move = (id: string, x: number, y: number, dragging = true): NodeChange => ({
  id,
  type: "position",
  position: { x, y },
  dragging,
});
const edges = [
  { id: "e1", source: "t", target: "g" },
  { id: "e2", source: "g", target: "u" },
  { id: "e3", source: "a", target: "b" },
];

describe("dragging a group of nodes", () => {
  it("reads which nodes a batch drags, and nothing from a drop or another change", () => {
    expect(draggedIds([move("t", 1, 2), move("g", 3, 4)])).toEqual(new Set(["t", "g"]));
    expect(draggedIds([move("t", 1, 2, false)])).toBeNull();
    expect(draggedIds([{ id: "t", type: "select", selected: true }])).toBeNull();
    expect(draggedIds([])).toBeNull();
  });

  it("slides a group as one only when no edge leaves it", () => {
    expect(isRigidGroup(new Set(["t", "g", "u"]), edges)).toBe(true);
    expect(isRigidGroup(new Set(["t", "g", "u", "a", "b"]), edges)).toBe(true);
    expect(isRigidGroup(new Set(["t", "g"]), edges)).toBe(false);
    expect(isRigidGroup(new Set(["t"]), [])).toBe(false);
    expect(edgesWithin(new Set(["t", "g", "u"]), edges)).toEqual(["e1", "e2"]);
  });

  it("measures the offset from where the group started", () => {
    const start = new Map([
      ["t", { x: 0, y: 0 }],
      ["g", { x: 300, y: 0 }],
    ]);
    expect(groupOffset([move("g", 340, -25), move("t", 40, -25)], start)).toEqual({ x: 40, y: -25 });
    expect(groupOffset([move("x", 1, 1)], start)).toBeNull();
  });
});
