// The pure parts of the tool pages: image prep history and geometry, the expand canvas, the
// prompt builder's composition, and how a text answer becomes outputs.
import { beforeEach, describe, expect, it } from "vitest";
import { canvasFor } from "@/components/tools/expand-canvas";
import { CREATIVE_CHOICES, composeCreative, composeStudio } from "@/components/tools/prompt-recipes";
import { boxForRatio, flipCrop, INITIAL, rotateCrop, usePrepStore } from "@/components/tools/use-prep-store";
import { answerSchema, readAnswer } from "@/lib/models/text-tasks";

describe("image prep", () => {
  beforeEach(() => usePrepStore.getState().reset());

  it("undoes and redoes steps, and a new step drops the redo list", () => {
    const store = usePrepStore.getState();
    store.apply((s) => ({ ...s, rotation: 90 }));
    store.apply((s) => ({ ...s, flipH: true }));
    usePrepStore.getState().undo();
    expect(usePrepStore.getState().present).toMatchObject({ rotation: 90, flipH: false });
    usePrepStore.getState().redo();
    expect(usePrepStore.getState().present).toMatchObject({ rotation: 90, flipH: true });
    usePrepStore.getState().undo();
    usePrepStore.getState().apply((s) => ({ ...s, flipV: true }));
    expect(usePrepStore.getState().future).toEqual([]);
    usePrepStore.getState().undo();
    usePrepStore.getState().undo();
    expect(usePrepStore.getState().present).toEqual(INITIAL);
  });

  it("makes a dragged crop one step when it ends", () => {
    const { setDraft, commitDraft } = usePrepStore.getState();
    setDraft({ x: 0.1, y: 0.1, w: 0.5, h: 0.5 });
    setDraft({ x: 0.2, y: 0.1, w: 0.5, h: 0.5 });
    commitDraft();
    expect(usePrepStore.getState().past).toHaveLength(1);
    expect(usePrepStore.getState().present.crop).toEqual({ x: 0.2, y: 0.1, w: 0.5, h: 0.5 });
  });

  it("turns and mirrors the crop box with the picture", () => {
    const box = { x: 0.1, y: 0.2, w: 0.3, h: 0.4 };
    const close = (a: typeof box, b: typeof box) => {
      for (const key of ["x", "y", "w", "h"] as const) expect(a[key]).toBeCloseTo(b[key]);
    };
    // Clockwise, the left edge becomes the top: (x, y) goes to (1 - y - h, x).
    close(rotateCrop(box, true), { x: 0.4, y: 0.1, w: 0.4, h: 0.3 });
    close(rotateCrop(rotateCrop(box, true), false), box);
    close(
      [1, 2, 3, 4].reduce((b) => rotateCrop(b, true), box),
      box,
    );
    close(flipCrop(box, true), { ...box, x: 0.6 });
    close(flipCrop(box, false), { ...box, y: 0.4 });
  });

  it("fits a fixed ratio as the largest centred box", () => {
    // A 300×200 picture cut to 1:1: 200×200, centred.
    const square = boxForRatio(1, 1.5);
    expect(square.w * 300).toBeCloseTo(200);
    expect(square.h * 200).toBeCloseTo(200);
    expect(square.x).toBeCloseTo(1 / 6);
    expect(boxForRatio(null, 1.5)).toEqual({ x: 0, y: 0, w: 1, h: 1 });
  });
});

describe("expand canvas", () => {
  it("grows a square picture to 16:9 around it, centred", () => {
    expect(canvasFor(16 / 9, 200, 200)).toEqual({ canvasWidth: 356, canvasHeight: 200, x: 78, y: 0 });
  });

  it("gives a picture already of the shape room on every side", () => {
    const p = canvasFor(16 / 9, 1600, 900);
    expect([p.canvasWidth, p.canvasHeight]).toEqual([2000, 1125]);
    expect([p.x, p.y]).toEqual([200, 113]);
  });
});

describe("prompt builder", () => {
  it("offers about fifteen creative choices and composes only what was chosen", () => {
    expect(CREATIVE_CHOICES.length + 1).toBeGreaterThanOrEqual(15);
    expect(composeCreative("a fox", {})).toBe("photograph of a fox");
    expect(
      composeCreative("a fox", { style: "watercolour", lighting: "golden hour sun", mood: "calm" }),
    ).toBe("watercolour of a fox, golden hour sun, calm mood");
  });

  it("fills the strict studio template", () => {
    const prompt = composeStudio({
      product: "a ceramic mug",
      surface: "polished marble",
      background: "pure white",
      light: "rim light",
      angle: "three-quarter view",
    });
    expect(prompt).toMatch(
      /^Professional product photograph of a ceramic mug, on polished marble, pure white background, rim light, three-quarter view, /,
    );
    expect(prompt).toContain("no text, no logos");
  });
});

describe("text answers", () => {
  it("asks for exactly the number of ideas wanted", () => {
    expect(answerSchema("brainstorm", 3)).toMatchObject({
      properties: { ideas: { minItems: 3, maxItems: 3 } },
    });
    expect(answerSchema("text", 3)).toBeNull();
  });

  it("turns each task's answer into labelled outputs, and refuses other shapes", () => {
    expect(
      readAnswer("describe", JSON.stringify({ description: "A red door.", prompt: "red door, noon" })),
    ).toEqual([
      { kind: "text", mime: "text/plain", label: "description", text: "A red door." },
      { kind: "text", mime: "text/plain", label: "prompt", text: "red door, noon" },
    ]);
    expect(readAnswer("brainstorm", JSON.stringify({ ideas: ["a", " ", "b"] })).map((o) => o.text)).toEqual([
      "a",
      "b",
    ]);
    expect(readAnswer("enhance", JSON.stringify({ prompt: "  better  " }))[0]?.text).toBe("better");
    expect(readAnswer("text", "plain words")[0]).toMatchObject({ label: "text", text: "plain words" });
    expect(readAnswer("describe", JSON.stringify({ description: "only half" }))).toEqual([]);
    expect(readAnswer("enhance", "not json")).toEqual([]);
    expect(readAnswer("brainstorm", "[1,2]")).toEqual([]);
  });
});
