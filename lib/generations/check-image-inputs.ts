import "server-only";
// What validating an input cannot know without looking at its images, checked before anything
// is charged: an image over the model's size limit, a mask of another size than its image or
// with nothing painted, an expand placement that leaves the canvas. The caller's own files
// (uploads and outputs) are known by their assets; a mask must be one of them, so its pixels
// can be read here. An alpha mask is converted and stored as a mask asset of its own.
import { registerUpload } from "@/lib/assets/register-upload";
import { sql } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { readMask } from "@/lib/media/mask";
import type { ModelDefinition, ModelInput } from "@/lib/models-config";
import { readReferenceImage } from "@/lib/providers/reference-image";
import { ownObjectPath } from "@/lib/providers/reference-url";
import { storage } from "@/lib/storage";
import { UPLOAD_URL_TTL_SECONDS } from "@/lib/uploads/reencode-image";

type Facts = { width: number; height: number };

const bad = (field: string, message: string) =>
  new AppError("bad_request", `${field}: ${message}`, { field });
const size = (f: Facts) => `${f.width}×${f.height}`;

async function factsOf(userId: string, value: unknown): Promise<Facts | null> {
  const path = typeof value === "string" ? ownObjectPath(value) : null;
  if (!path) return null;
  const [row] = await sql<{ width: number | null; height: number | null }[]>`
    select width, height from assets where user_id = ${userId} and storage_path = ${path}`;
  return row?.width && row.height ? { width: row.width, height: row.height } : null;
}

/**
 * Returns the input to run (a converted mask replaces the given one). With `store` false
 * (a price estimate) nothing is written.
 */
export async function checkImageInputs(
  userId: string,
  model: ModelDefinition,
  input: ModelInput,
  store: boolean,
): Promise<ModelInput> {
  const ports = model.ports.inputs;
  const image = ports.some((p) => p.name === "image") ? await factsOf(userId, input.image) : null;
  const limit = model.imageLimits?.maxPixels;
  for (const port of ports) {
    if (!limit || port.kind !== "image") continue;
    const facts = port.name === "image" ? image : await factsOf(userId, input[port.name]);
    if (facts && facts.width * facts.height > limit)
      throw bad(
        port.name,
        `is ${size(facts)}; ${model.name} takes at most ${(limit / 1_000_000).toFixed(1)} megapixels`,
      );
  }
  const out: Record<string, unknown> = { ...input };
  if (ports.some((p) => p.name === "mask") && typeof input.mask === "string")
    out.mask = await checkMask(userId, input.mask, image, store);
  checkPlacement(input, image);
  return out;
}

async function checkMask(userId: string, url: string, image: Facts | null, store: boolean): Promise<string> {
  const own = await factsOf(userId, url);
  if (!own) throw bad("mask", "must be one of your uploads (an asset id or a URL from /api/upload)");
  if (!image) throw bad("image", "must be one of your files when a mask goes with it");
  if (own.width !== image.width || own.height !== image.height)
    throw bad("mask", `is ${size(own)}; it must be the image's size, ${size(image)}`);
  const mask = await readMask((await readReferenceImage(url, "mask")).data);
  if (mask.coverage === 0) throw bad("mask", "is empty: paint the area to change in white");
  if (!mask.converted || !store) return url;
  const asset = await registerUpload(
    userId,
    { out: mask.converted, width: mask.width, height: mask.height, mime: "image/png", ext: "png" },
    "mask",
  );
  return storage().signedUrl(asset.path, UPLOAD_URL_TTL_SECONDS);
}

/** Expand models that place the image on a canvas: the whole image must land on it. */
function checkPlacement(input: ModelInput, image: Facts | null): void {
  const { canvas_width: cw, canvas_height: ch, image_x: x, image_y: y } = input;
  if (
    !image ||
    typeof cw !== "number" ||
    typeof ch !== "number" ||
    typeof x !== "number" ||
    typeof y !== "number"
  )
    return;
  if (x + image.width > cw)
    throw bad("image_x", `the ${image.width} px wide image at ${x} passes the canvas's right edge (${cw})`);
  if (y + image.height > ch)
    throw bad("image_y", `the ${image.height} px tall image at ${y} passes the canvas's bottom edge (${ch})`);
}
