// The file name a download is saved under: a few words of the prompt and a piece of the id,
// "red-fox-snowy-forest-3f9c.webp", instead of the storage name "0.webp".
import type { Generation, GenerationOutput } from "./types";

const SKIPPED = new Set([
  "a",
  "an",
  "the",
  "in",
  "on",
  "of",
  "at",
  "with",
  "and",
  "to",
  "for",
  "by",
  "from",
  "is",
]);
const MAX_WORDS = 5;
const MAX_STEM = 60;

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "video/mp4": "mp4",
  "video/webm": "webm",
};

/** Lower-case ASCII words joined by "-": accents dropped, everything else a separator. */
export function slugWords(text: string): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !SKIPPED.has(word))
    .slice(0, MAX_WORDS);
  return words.join("-").slice(0, MAX_STEM).replace(/-+$/, "");
}

/** The extension of the stored file (from its URL), else from its type. */
function extensionOf(output: GenerationOutput): string {
  const pathname = new URL(output.url, "http://x").pathname;
  const match = /\.([a-z0-9]{2,5})$/i.exec(pathname);
  return match?.[1]?.toLowerCase() ?? EXTENSIONS[output.mime] ?? "bin";
}

export function downloadName(
  item: Pick<Generation, "id" | "prompt" | "model">,
  output: GenerationOutput,
  index = 0,
  count = 1,
): string {
  const stem = slugWords(item.prompt ?? "") || slugWords(item.model) || "atelier";
  const short = item.id
    .replace(/[^a-z0-9]/gi, "")
    .slice(0, 4)
    .toLowerCase();
  const position = count > 1 ? `-${index + 1}` : "";
  return `${stem}-${short}${position}.${extensionOf(output)}`;
}

/** The output's URL asking the file route (or Supabase Storage) to save it under `name`. */
export function downloadUrl(url: string, name: string): string {
  const [base, hash = ""] = url.split("#", 2) as [string, string?];
  const joined = `${base}${base.includes("?") ? "&" : "?"}download=${encodeURIComponent(name)}`;
  return hash ? `${joined}#${hash}` : joined;
}
