import { describe, expect, it } from "vitest";
import { defineParams, param } from "@/lib/models/params";
import { PORT_NAMES, portsOf } from "@/lib/models/ports";
import { modelsForTool, TOOLS } from "@/lib/models/tools";
import { MODELS } from "@/lib/models-config";
import { LITE_MODELS } from "@/lib/models-lite";

describe("ports", () => {
  it.each(MODELS.map((m) => [m.id, m] as const))(
    "%s: every image input is a port; ports follow params",
    (_, model) => {
      const images = model.params.filter((p) => p.type === "image" || p.type === "images").map((p) => p.name);
      for (const name of images) expect(PORT_NAMES).toContain(name);
      const portNames = model.ports.inputs.map((p) => p.name);
      expect(portNames).toEqual(
        model.params.map((p) => p.name).filter((n) => (PORT_NAMES as readonly string[]).includes(n)),
      );
      expect(model.ports.output).toBe(model.kind);
      for (const port of model.ports.inputs) {
        const p = model.params.find((q) => q.name === port.name);
        expect(port).toEqual({ name: p?.name, kind: port.kind, required: p?.required, label: p?.label });
      }
    },
  );

  it("refuses an image input under a provider's own name, or a port of the wrong type", () => {
    const legacy = defineParams({ image_url: param.image({ label: "Image", required: true }) });
    expect(() => portsOf("m", legacy.descriptors, "image")).toThrow(
      'm: image input "image_url" must be named after a port',
    );
    const wrong = defineParams({ reference_images: param.image({ label: "Refs" }) });
    expect(() => portsOf("m", wrong.descriptors, "image")).toThrow(
      '"reference_images" must be of type images',
    );
  });

  it("gives masks, reference lists and frames their kinds", () => {
    const set = defineParams({
      prompt: param.text({ label: "Prompt", required: true }),
      image: param.image({ label: "Image", required: true }),
      mask: param.image({ label: "Mask", required: true }),
      reference_images: param.images({ label: "Refs", min: 0, max: 3 }),
      first_frame: param.image({ label: "First" }),
      strength: param.number({ label: "Strength", min: 0, max: 1 }),
    });
    expect(portsOf("m", set.descriptors, "video").inputs.map((p) => [p.name, p.kind, p.required])).toEqual([
      ["prompt", "text", true],
      ["image", "image", true],
      ["mask", "mask", true],
      ["reference_images", "images", false],
      ["first_frame", "image", false],
    ]);
  });
});

describe("tools", () => {
  it("every model serves at least one known tool, and listing by tool finds exactly those", () => {
    for (const model of MODELS) {
      expect(model.tools.length).toBeGreaterThan(0);
      for (const tool of model.tools) expect(TOOLS).toContain(tool);
    }
    for (const tool of TOOLS) {
      const ids = modelsForTool(LITE_MODELS, tool).map((m) => m.id);
      expect(ids).toEqual(LITE_MODELS.filter((m) => m.tools.includes(tool)).map((m) => m.id));
    }
    expect(modelsForTool(LITE_MODELS, "upscale").map((m) => m.id)).toContain("real-esrgan");
    expect(modelsForTool(LITE_MODELS, "keyframes").map((m) => m.id)).toEqual(
      expect.arrayContaining(["veo-3-1-fast", "kling-2-5-turbo-i2v"]),
    );
  });
});
