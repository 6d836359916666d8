// Draws an image turned and flipped as a prep state says, then cut to its crop box.
import type { PrepState } from "./use-prep-store";

/** The picture turned and flipped (no crop), at its natural size. */
export function orient(image: HTMLImageElement, state: PrepState): HTMLCanvasElement {
  const turned = state.rotation === 90 || state.rotation === 270;
  const [w, h] = [image.naturalWidth, image.naturalHeight];
  const canvas = document.createElement("canvas");
  canvas.width = turned ? h : w;
  canvas.height = turned ? w : h;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("No 2D canvas");
  ctx.translate(canvas.width / 2, canvas.height / 2);
  ctx.scale(state.flipH ? -1 : 1, state.flipV ? -1 : 1);
  ctx.rotate((state.rotation * Math.PI) / 180);
  ctx.drawImage(image, -w / 2, -h / 2);
  return canvas;
}

export function render(image: HTMLImageElement, state: PrepState): HTMLCanvasElement {
  const full = orient(image, state);
  const { x, y, w, h } = state.crop;
  const out = document.createElement("canvas");
  out.width = Math.max(1, Math.round(w * full.width));
  out.height = Math.max(1, Math.round(h * full.height));
  out
    .getContext("2d")
    ?.drawImage(full, x * full.width, y * full.height, out.width, out.height, 0, 0, out.width, out.height);
  return out;
}

export function toPngFile(canvas: HTMLCanvasElement, name: string): Promise<File> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob
          ? resolve(new File([blob], name, { type: "image/png" }))
          : reject(new Error("Could not encode the image")),
      "image/png",
    ),
  );
}

/** Loads a URL into an image element the canvas may read (our files are same-origin or CORS-open). */
export function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.crossOrigin = "anonymous";
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error("The image could not be loaded"));
    image.src = src;
  });
}
