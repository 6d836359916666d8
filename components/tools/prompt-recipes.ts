// The prompt builder's choices and how they compose. Creative mode joins whatever is chosen
// into one descriptive prompt; studio mode fills a strict product-photo template.

export type Choice = { name: string; label: string; options: readonly string[] };

export const CREATIVE_CHOICES: readonly Choice[] = [
  {
    name: "setting",
    label: "Setting",
    options: [
      "a misty forest",
      "a neon-lit street",
      "a sunlit kitchen",
      "a desert at dusk",
      "a cliff above the sea",
      "an artist's studio",
    ],
  },
  {
    name: "lighting",
    label: "Lighting",
    options: [
      "soft window light",
      "golden hour sun",
      "hard noon light",
      "candlelight",
      "neon glow",
      "overcast daylight",
    ],
  },
  {
    name: "lens",
    label: "Lens",
    options: ["24 mm wide angle", "35 mm", "50 mm", "85 mm portrait lens", "100 mm macro", "fisheye"],
  },
  {
    name: "framing",
    label: "Framing",
    options: ["extreme close-up", "close-up", "medium shot", "full body", "wide shot", "aerial view"],
  },
  {
    name: "pose",
    label: "Pose",
    options: [
      "standing still",
      "walking toward the camera",
      "looking over the shoulder",
      "sitting cross-legged",
      "mid-jump",
      "leaning on a wall",
    ],
  },
  {
    name: "mood",
    label: "Mood",
    options: ["calm", "mysterious", "joyful", "melancholic", "tense", "dreamy"],
  },
  {
    name: "style",
    label: "Style",
    options: ["photograph", "oil painting", "watercolour", "3D render", "ink drawing", "anime"],
  },
  {
    name: "palette",
    label: "Palette",
    options: [
      "muted earth tones",
      "pastels",
      "teal and orange",
      "black and white",
      "vivid primaries",
      "monochrome blue",
    ],
  },
  { name: "time", label: "Time of day", options: ["dawn", "morning", "noon", "afternoon", "dusk", "night"] },
  {
    name: "weather",
    label: "Weather",
    options: ["clear sky", "light rain", "fog", "snowfall", "storm clouds", "heat haze"],
  },
  {
    name: "film",
    label: "Film",
    options: ["Kodak Portra 400", "Fuji Velvia", "Ilford HP5", "Cinestill 800T", "Polaroid", "digital"],
  },
  {
    name: "composition",
    label: "Composition",
    options: [
      "rule of thirds",
      "centred and symmetrical",
      "leading lines",
      "negative space",
      "frame within a frame",
      "low angle",
    ],
  },
  {
    name: "detail",
    label: "Detail",
    options: [
      "highly detailed",
      "minimal",
      "textured",
      "sharp focus",
      "shallow depth of field",
      "motion blur",
    ],
  },
  {
    name: "era",
    label: "Era",
    options: ["1920s", "1950s", "1970s", "1990s", "present day", "distant future"],
  },
];

export function composeCreative(subject: string, chosen: Record<string, string>): string {
  const pick = (name: string) => chosen[name]?.trim() || "";
  const lead = [pick("style") || "photograph", "of", subject.trim() || "a subject", pick("pose")]
    .filter(Boolean)
    .join(" ");
  const parts = [
    lead,
    pick("setting") && `in ${pick("setting")}`,
    [pick("time"), pick("weather")].filter(Boolean).join(", "),
    pick("lighting"),
    pick("framing") && `${pick("framing")}${pick("lens") ? ` on a ${pick("lens")}` : ""}`,
    !pick("framing") && pick("lens") ? `shot on a ${pick("lens")}` : "",
    pick("composition"),
    pick("mood") && `${pick("mood")} mood`,
    pick("palette") && `${pick("palette")} palette`,
    pick("film") && pick("film") !== "digital" ? `on ${pick("film")}` : "",
    pick("era") && `${pick("era")} feel`,
    pick("detail"),
  ];
  return parts.filter(Boolean).join(", ");
}

export type StudioSpec = {
  product: string;
  surface: string;
  background: string;
  light: string;
  angle: string;
};

export const STUDIO_OPTIONS = {
  surface: ["white seamless paper", "polished marble", "raw concrete", "light oak", "black acrylic"],
  background: ["pure white", "light grey", "soft beige", "deep black", "pastel blue"],
  light: ["softbox key with fill", "single hard key light", "rim light", "diffused overhead light"],
  angle: ["front, eye level", "three-quarter view", "top-down flat lay", "low hero angle"],
} as const;

export function composeStudio(spec: StudioSpec): string {
  return [
    `Professional product photograph of ${spec.product.trim() || "the product"}`,
    `on ${spec.surface}`,
    `${spec.background} background`,
    spec.light,
    `${spec.angle}`,
    "sharp focus on the product, true-to-life colours, soft natural shadow, no text, no logos, no props, commercial catalogue quality",
  ].join(", ");
}
