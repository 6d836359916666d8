// Gemini text answers: free text, or JSON following the request's `responseJsonSchema`
// (structured output). Deterministic, and an image's answer names its dominant colour, so a
// test can tell that the image was looked at.
import sharp from "sharp";

const HUES: [number, string][] = [
  [15, "red"],
  [45, "orange"],
  [70, "yellow"],
  [160, "green"],
  [195, "cyan"],
  [255, "blue"],
  [290, "purple"],
  [345, "pink"],
  [360, "red"],
];

export function colourName(r: number, g: number, b: number): string {
  const [R, G, B] = [r / 255, g / 255, b / 255];
  const max = Math.max(R, G, B);
  const min = Math.min(R, G, B);
  const l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  if (l < 0.12) return "black";
  if (l > 0.9) return "white";
  if (s < 0.15) return "grey";
  let h = max === R ? ((G - B) / d) % 6 : max === G ? (B - R) / d + 2 : (R - G) / d + 4;
  h = (h * 60 + 360) % 360;
  return HUES.find(([limit]) => h < limit)?.[1] ?? "red";
}

export async function dominantColour(image: Buffer): Promise<string> {
  const { dominant } = await sharp(image).stats();
  return colourName(dominant.r, dominant.g, dominant.b);
}

const LEADS = /^(Describe this image\.|Theme:|Prompt to improve:)\s*/i;
const STYLES = ["at golden hour", "as a watercolour", "in neon noir", "on 35 mm film", "as a paper cut-out"];

type Context = { subject: string; colour: string | null };

function text(name: string, ctx: Context, index: number): string {
  const subject = ctx.subject || "a quiet scene";
  // With an image, the answer is about the image, not about the instruction that came with it.
  if (name === "description")
    return `A picture dominated by ${ctx.colour ?? "mixed"} tones, with soft, even light and a calm composition.`;
  if (name === "idea" || name === "ideas")
    return `${subject} ${STYLES[index % STYLES.length]}, variation ${index + 1}`;
  if (ctx.colour)
    return `A ${ctx.colour} scene with simple shapes, ${ctx.colour} palette, detailed, soft directional light, 50 mm lens`;
  return `${subject}, detailed, soft directional light, 50 mm lens`;
}

function fromSchema(schema: unknown, name: string, ctx: Context, index = 0): unknown {
  const spec = (schema ?? {}) as { type?: string; properties?: Record<string, unknown>; items?: unknown };
  if (spec.type === "object")
    return Object.fromEntries(
      Object.entries(spec.properties ?? {}).map(([key, value]) => [key, fromSchema(value, key, ctx)]),
    );
  if (spec.type === "array") {
    const { minItems, maxItems } = spec as { minItems?: number; maxItems?: number };
    const count = maxItems ?? minItems ?? 3;
    return Array.from({ length: count }, (_, i) => fromSchema(spec.items, name, ctx, i));
  }
  if (spec.type === "number" || spec.type === "integer") return index;
  if (spec.type === "boolean") return true;
  return text(name, ctx, index);
}

export async function textAnswer(args: {
  prompt: string;
  image: Buffer | null;
  config: Record<string, unknown>;
}): Promise<string> {
  const ctx = {
    subject: args.prompt.replace(LEADS, "").trim().slice(0, 300),
    colour: args.image ? await dominantColour(args.image) : null,
  };
  if (args.config.responseMimeType === "application/json" && args.config.responseJsonSchema)
    return JSON.stringify(fromSchema(args.config.responseJsonSchema, "answer", ctx));
  return ctx.colour
    ? `The image is mostly ${ctx.colour}. ${ctx.subject}`.trim()
    : `Here is a thought on ${ctx.subject || "that"}: keep it simple and let the light do the work.`;
}
