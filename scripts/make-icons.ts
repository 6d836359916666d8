// Renders the app icons in public/icons from public/icons/icon.svg with sharp: the standard
// sizes install prompts ask for (192 and 512), a maskable one with the mark inside the safe
// zone (the inner 80%) on a full-bleed background, and Apple's 180 px touch icon.
// Run after changing the SVG: `npx tsx scripts/make-icons.ts`; the PNGs are committed.
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

const dir = path.resolve("public/icons");
const BRAND = "#e2531f";

async function main() {
  const svg = await readFile(path.join(dir, "icon.svg"));
  const render = (size: number) => sharp(svg, { density: 72 * (size / 512) * 4 }).resize(size, size);
  for (const size of [192, 512])
    await render(size)
      .png()
      .toFile(path.join(dir, `icon-${size}.png`));
  await render(180).flatten({ background: BRAND }).png().toFile(path.join(dir, "apple-touch-icon.png"));
  // Maskable: the rounded tile would be cropped anyway, so the mark sits at 70% on a square fill.
  const mark = await render(358).png().toBuffer();
  await sharp({ create: { width: 512, height: 512, channels: 4, background: BRAND } })
    .composite([{ input: mark, gravity: "centre" }])
    .png()
    .toFile(path.join(dir, "icon-maskable-512.png"));
  console.log(`icons written to ${dir}`);
}

await main();
