// Which served models are creative tools, and what each request asks for, read from the
// provider's own field names. Tools make their output from the input images (so a test can
// check it) instead of from the prompt alone.
import { asInt, asString } from "./http";
import { videoSeconds } from "./media";

export type ToolJob =
  | { op: "inpaint"; image: string; mask: string }
  | { op: "canvas"; image: string; canvas: [number, number]; at?: [number, number]; size?: [number, number] }
  | { op: "pad"; image: string; left: number; right: number; top: number; bottom: number }
  | { op: "upscale"; image: string; factor: number }
  | { op: "cutout"; image: string; background: string }
  | { op: "restore"; image: string; factor: number }
  | { op: "frames"; first: string; last?: string; aspect?: string; seconds: number };

type Input = Record<string, unknown>;

const pair = (value: unknown): [number, number] | undefined =>
  Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === "number")
    ? [value[0] as number, value[1] as number]
    : undefined;

const str = (input: Input, key: string) => asString(input[key]);

const BY_REF: Record<string, (input: Input) => ToolJob | null> = {
  "fal-ai/flux-pro/v1/fill": (i) => inpaint(str(i, "image_url"), str(i, "mask_url")),
  "black-forest-labs/flux-fill-pro": (i) => inpaint(str(i, "image"), str(i, "mask")),
  "fal-ai/bria/expand": (i) => {
    const image = str(i, "image_url");
    const canvas = pair(i.canvas_size);
    if (!image || !canvas) return null;
    return {
      op: "canvas",
      image,
      canvas,
      at: pair(i.original_image_location),
      size: pair(i.original_image_size),
    };
  },
  "fal-ai/image-apps-v2/outpaint": (i) => {
    const image = str(i, "image_url");
    const side = (key: string) => asInt(i[key]) ?? (key === "expand_bottom" ? 400 : 0);
    if (!image) return null;
    const [left, right, top, bottom] = ["expand_left", "expand_right", "expand_top", "expand_bottom"].map(
      side,
    );
    return { op: "pad", image, left: left ?? 0, right: right ?? 0, top: top ?? 0, bottom: bottom ?? 0 };
  },
  "fal-ai/clarity-upscaler": (i) => upscale(str(i, "image_url"), i.upscale_factor, 2),
  "nightmareai/real-esrgan": (i) => upscale(str(i, "image"), i.scale, 4),
  "fal-ai/birefnet/v2": (i) => cutout(str(i, "image_url"), "rgba"),
  "851-labs/background-remover": (i) => cutout(str(i, "image"), str(i, "background_type") ?? "rgba"),
  "fal-ai/codeformer": (i) => restore(str(i, "image_url"), i.upscale_factor),
  "sczhou/codeformer": (i) => restore(str(i, "image"), i.upscale),
  "fal-ai/veo3.1/first-last-frame-to-video": (i) =>
    frames(str(i, "first_frame_url"), str(i, "last_frame_url"), str(i, "aspect_ratio"), str(i, "duration")),
  "fal-ai/kling-video/v2.5-turbo/pro/image-to-video": (i) =>
    frames(str(i, "image_url"), str(i, "tail_image_url"), undefined, str(i, "duration")),
  "google/veo-3.1-fast": (i) =>
    frames(str(i, "image"), str(i, "last_frame"), str(i, "aspect_ratio"), i.duration),
};

function inpaint(image?: string, mask?: string): ToolJob | null {
  return image && mask ? { op: "inpaint", image, mask } : null;
}
function upscale(image: string | undefined, factor: unknown, fallback: number): ToolJob | null {
  return image ? { op: "upscale", image, factor: typeof factor === "number" ? factor : fallback } : null;
}
function cutout(image: string | undefined, background: string): ToolJob | null {
  return image ? { op: "cutout", image, background } : null;
}
function restore(image: string | undefined, factor: unknown): ToolJob | null {
  return image ? { op: "restore", image, factor: typeof factor === "number" ? factor : 2 } : null;
}
/** Seconds as asked ("8s", "5", 8), within what the emulator makes. */
function frames(first?: string, last?: string, aspect?: string, duration?: unknown): ToolJob | null {
  const seconds = videoSeconds(typeof duration === "string" ? duration.replace(/s$/, "") : duration);
  return first ? { op: "frames", first, last, aspect, seconds } : null;
}

/** The tool job of a request, or null for a plain generation (or a tool given no image). */
export function toolJobOf(modelRef: string, input: Input): ToolJob | null {
  const reader = BY_REF[modelRef.split(":")[0] ?? modelRef];
  return reader ? reader(input) : null;
}
