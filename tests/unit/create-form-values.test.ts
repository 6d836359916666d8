import { describe, expect, it } from "vitest";
import { problemFrom } from "@/components/generations/create-problem";
import { downloadName, downloadUrl } from "@/components/generations/download-name";
import { carryOver, valuesFor } from "@/components/generations/form-values";
import { nextStepsFor } from "@/components/generations/next-steps";
import { formatVideoDuration } from "@/components/generations/video-duration";
import { ApiError } from "@/components/providers/fetch-json";
import { LITE_MODELS, type LiteModel } from "@/lib/models-lite";

const model = (id: string): LiteModel => {
  const found = LITE_MODELS.find((m) => m.id === id);
  if (!found) throw new Error(`no model ${id}`);
  return found;
};

/** What the form shows after typing into `from` and switching to `to`, as the store does it. */
function switchModel(from: string, typed: Record<string, unknown>, to: string) {
  expect(valuesFor(model(from), typed)).toMatchObject(typed);
  return valuesFor(model(to), carryOver(typed, model(to)));
}

describe("the create form across model switches", () => {
  it("keeps the prompt, aspect ratio, count and seed when the next model has them", () => {
    const typed = { prompt: "a red fox in a snowy forest", aspect_ratio: "16:9", num_outputs: 3, seed: "42" };
    expect(switchModel("flux-schnell", typed, "fal-flux-dev")).toMatchObject(typed);
  });

  it("keeps the prompt through a model without one and back", () => {
    const typed = { prompt: "a lighthouse at dusk", scale: 2 };
    const onUpscaler = carryOver(typed, model("real-esrgan"));
    expect(valuesFor(model("real-esrgan"), onUpscaler).scale).toBe(2);
    const back = carryOver(onUpscaler, model("flux-schnell"));
    expect(valuesFor(model("flux-schnell"), back).prompt).toBe("a lighthouse at dusk");
  });

  it("resets a model's own field when the next model lacks it", () => {
    const typed = { prompt: "x", steps: 2 };
    const elsewhere = carryOver(typed, model("flux-1-1-pro"));
    expect(elsewhere).not.toHaveProperty("steps");
    expect(valuesFor(model("flux-schnell"), carryOver(elsewhere, model("flux-schnell"))).steps).toBe(4);
  });

  it("uses the next model's default where a carried value does not fit it", () => {
    // Kling has no 21:9 and lets 10 s through; Veo has 8 s at most.
    const values = switchModel("flux-schnell", { prompt: "x", aspect_ratio: "21:9" }, "kling-2-5-turbo-t2v");
    expect(values.aspect_ratio).toBe("16:9");
    expect(
      switchModel("kling-2-5-turbo-t2v", { duration_seconds: 10 }, "veo-3-1-fast").duration_seconds,
    ).toBe(8);
  });

  it("gives each model its own default for a shared field nobody touched", () => {
    expect(switchModel("flux-schnell", { prompt: "x" }, "flux-kontext-pro").aspect_ratio).toBe(
      "match_input_image",
    );
  });
});

describe("use as input", () => {
  const enabled = [...LITE_MODELS];

  it("stays on the model that made the image when it edits images", () => {
    const [useAsInput] = nextStepsFor(enabled, model("gemini-2-5-flash-image"));
    expect(useAsInput).toMatchObject({ label: "Use as input", model: "gemini-2-5-flash-image" });
  });

  it("picks an editor of the same provider when the source model only makes images", () => {
    const [useAsInput] = nextStepsFor(enabled, model("fal-flux-dev"));
    expect(useAsInput).toMatchObject({ label: "Use as input", model: "fal-nano-banana-edit" });
  });

  it("continues a clip from its last frame on the model that made it, when that takes a first frame", () => {
    const fromLastFrame = (source: string) =>
      nextStepsFor(enabled, model(source)).filter((step) => step.from === "last-frame");
    expect(fromLastFrame("veo-3-1-fast")).toEqual([
      { label: "Use last frame as input", path: "/video", model: "veo-3-1-fast", from: "last-frame" },
    ]);
    // A text-only video model hands over to an image-to-video model of its provider.
    expect(fromLastFrame("kling-2-5-turbo-t2v")).toMatchObject([{ model: "kling-2-5-turbo-i2v" }]);
  });
});

describe("video lengths", () => {
  it.each([
    [6, "0:06"],
    [5.96, "0:06"],
    [0.4, "0:00"],
    [65, "1:05"],
    [3723, "1:02:03"],
  ])("%s s reads %s", (seconds, shown) => {
    expect(formatVideoDuration(seconds)).toBe(shown);
  });

  it("shows nothing for an unknown length", () => {
    expect(formatVideoDuration(null)).toBeNull();
    expect(formatVideoDuration(Number.NaN)).toBeNull();
  });
});

describe("download names", () => {
  const output = {
    asset_id: null,
    url: "/api/files/u/g/0.webp?exp=1&sig=x",
    thumbnail_url: null,
    mime: "image/webp",
    width: 1,
    height: 1,
    duration: null,
    last_frame_asset_id: null,
    last_frame_url: null,
  };
  const item = {
    id: "3f9c2b1a-0000-4000-8000-000000000000",
    prompt: "A red fox in a snowy forest",
    model: "flux-schnell",
  };

  it("names the file from the prompt and the id", () => {
    expect(downloadName(item, output)).toBe("red-fox-snowy-forest-3f9c.webp");
  });

  it("numbers several outputs and falls back to the model without a prompt", () => {
    expect(downloadName({ ...item, prompt: null }, output, 1, 2)).toBe("flux-schnell-3f9c-2.webp");
  });

  it("keeps to safe characters whatever the prompt", () => {
    expect(downloadName({ ...item, prompt: 'Crème brûlée "on" ../../etc!' }, output)).toBe(
      "creme-brulee-etc-3f9c.webp",
    );
  });

  it("adds the name to a signed URL without touching its signature", () => {
    expect(downloadUrl(output.url, "fox-3f9c.webp")).toBe(
      "/api/files/u/g/0.webp?exp=1&sig=x&download=fox-3f9c.webp",
    );
  });
});

describe("where a refused create shows its message", () => {
  const veo = model("veo-3-1-fast");

  it("beside the field the API names", () => {
    const error = new ApiError(400, "Use an image from this app.", "bad_request", "first_frame");
    expect(problemFrom(veo, error)).toMatchObject({
      fields: { first_frame: "Use an image from this app." },
      banner: null,
    });
  });

  it("beside the field an input error starts with, in the field's words", () => {
    const error = new ApiError(400, "last_frame: needs a first frame (first_frame)", "bad_request", "input");
    expect(problemFrom(veo, error).fields).toEqual({ last_frame: "Last frame needs a first frame." });
  });

  it("beside Generate otherwise, with its code", () => {
    const error = new ApiError(402, "Not enough credits: you have 4.", "payment_required");
    expect(problemFrom(veo, error)).toEqual({
      fields: {},
      banner: "Not enough credits: you have 4.",
      code: "payment_required",
    });
  });
});
