// Content type from magic bytes. Only what the pipeline can store, thumbnail and serve:
// PNG, JPEG, WebP, GIF, AVIF, MP4, QuickTime and WebM. Everything else is null, whatever a
// Content-Type header or file name claims. HEIC is null on purpose: the prebuilt sharp cannot
// decode HEVC and most browsers cannot show it.
import type { SniffedType } from "@/lib/media/types";

/** Bytes to read before deciding; enough for an ISO-BMFF `ftyp` box or the EBML header. */
export const SNIFF_BYTES = 64;

export const PNG: SniffedType = { mime: "image/png", ext: "png", kind: "image" };
export const JPEG: SniffedType = { mime: "image/jpeg", ext: "jpg", kind: "image" };
export const WEBP: SniffedType = { mime: "image/webp", ext: "webp", kind: "image" };
export const GIF: SniffedType = { mime: "image/gif", ext: "gif", kind: "image" };
export const AVIF: SniffedType = { mime: "image/avif", ext: "avif", kind: "image" };
export const MP4: SniffedType = { mime: "video/mp4", ext: "mp4", kind: "video" };
export const MOV: SniffedType = { mime: "video/quicktime", ext: "mov", kind: "video" };
export const WEBM: SniffedType = { mime: "video/webm", ext: "webm", kind: "video" };

// Audio-only files share the MP4 container and list mp42/isom as compatible brands.
const AUDIO_BRANDS = new Set(["M4A ", "M4B ", "M4P ", "F4A ", "F4B "]);
const AVIF_BRANDS = new Set(["avif", "avis"]);
const HEIF_BRANDS = new Set(["mif1", "msf1", "heic", "heix", "hevc", "hevx", "heim", "heis"]);
// ISO base media brands used for video.
const MP4_BRANDS = new Set([
  "isom",
  "iso2",
  "iso3",
  "iso4",
  "iso5",
  "iso6",
  "iso7",
  "iso8",
  "iso9",
  "mp41",
  "mp42",
  "mp71",
  "avc1",
  "av01",
  "hvc1",
  "dash",
  "cmfc",
  "cmf2",
  "M4V ",
  "M4VH",
  "M4VP",
  "f4v ",
  "mmp4",
  "MSNV",
  "NDAS",
  "XAVC",
]);

export function sniffMediaType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return GIF;
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return WEBP;
  if (ascii(bytes, 4, 4) === "ftyp") return sniffFtyp(bytes);
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return sniffEbml(bytes);
  return null;
}

/** ISO base media file (`[size]ftyp[major][minor][compatible...]`): AVIF, MP4 or QuickTime. */
function sniffFtyp(bytes: Uint8Array): SniffedType | null {
  const size = readUint32(bytes, 0);
  if (size < 16) return null;
  const end = Math.min(size, bytes.length);
  const major = ascii(bytes, 8, 4);
  const compatible: string[] = [];
  for (let offset = 16; offset + 4 <= end; offset += 4) compatible.push(ascii(bytes, offset, 4));
  const brands = [major, ...compatible];

  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return AVIF;
  // A HEIF still image that is not AVIF is HEIC (or another codec we cannot decode).
  if (HEIF_BRANDS.has(major) || AUDIO_BRANDS.has(major)) return null;
  if (major === "qt  ") return MOV;
  if (brands.some((brand) => MP4_BRANDS.has(brand))) return MP4;
  if (compatible.includes("qt  ")) return MOV;
  return null;
}

/** EBML header: WebM when its DocType element (0x4282) says "webm"; plain Matroska is refused. */
function sniffEbml(bytes: Uint8Array): SniffedType | null {
  for (let offset = 4; offset + 3 < bytes.length; offset++) {
    if (bytes[offset] !== 0x42 || bytes[offset + 1] !== 0x82) continue;
    const sizeByte = bytes[offset + 2] ?? 0;
    // Sizes are EBML variable-length integers; the one-byte form (0x80 | n) is what muxers write here.
    const length = sizeByte & 0x80 ? sizeByte & 0x7f : -1;
    if (length > 0) return ascii(bytes, offset + 3, length) === "webm" ? WEBM : null;
    return null;
  }
  return null;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((value, index) => bytes[index] === value);
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  if (offset + length > bytes.length) return "";
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

function readUint32(bytes: Uint8Array, offset: number): number {
  if (offset + 4 > bytes.length) return 0;
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0);
}
