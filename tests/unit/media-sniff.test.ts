import { describe, expect, it } from "vitest";
import { sniffMediaType } from "@/lib/media/sniff";
import { makeJpeg, makePng, makeWebp, mp4Header, solid } from "./media-helpers";

function ftyp(major: string, compatible: string[]): Buffer {
  const size = 16 + compatible.length * 4;
  const box = Buffer.alloc(size);
  box.writeUInt32BE(size, 0);
  box.write(`ftyp${major}`, 4, "latin1");
  compatible.forEach((brand, index) => {
    box.write(brand, 16 + index * 4, "latin1");
  });
  return box;
}

function ebml(docType: string): Buffer {
  // EBML magic, header size, then the DocType element (0x4282) with a one-byte size.
  const docTypeElement = Buffer.concat([
    Buffer.from([0x42, 0x82, 0x80 | docType.length]),
    Buffer.from(docType),
  ]);
  const header = Buffer.concat([Buffer.from([0x42, 0x86, 0x81, 0x01]), docTypeElement]);
  return Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | header.length]), header]);
}

describe("sniffMediaType", () => {
  it("recognises images made by sharp", async () => {
    const gif = await solid(8, 8).gif().toBuffer();
    const avif = await solid(8, 8).avif().toBuffer();
    expect(sniffMediaType(await makePng(8, 8))).toEqual({ mime: "image/png", ext: "png", kind: "image" });
    expect(sniffMediaType(await makeJpeg(8, 8))).toEqual({ mime: "image/jpeg", ext: "jpg", kind: "image" });
    expect(sniffMediaType(await makeWebp(8, 8))).toEqual({ mime: "image/webp", ext: "webp", kind: "image" });
    expect(sniffMediaType(gif)).toEqual({ mime: "image/gif", ext: "gif", kind: "image" });
    expect(sniffMediaType(avif)).toEqual({ mime: "image/avif", ext: "avif", kind: "image" });
  });

  it.each([
    ["mp4 (isom)", mp4Header(), "video/mp4"],
    ["mp4 (mp42 major)", ftyp("mp42", ["mp42", "isom"]), "video/mp4"],
    ["QuickTime", ftyp("qt  ", ["qt  "]), "video/quicktime"],
    ["AVIF behind a mif1 major brand", ftyp("mif1", ["mif1", "avif", "miaf"]), "image/avif"],
    ["WebM", ebml("webm"), "video/webm"],
  ])("recognises %s", (_name, bytes, mime) => {
    expect(sniffMediaType(bytes)?.mime).toBe(mime);
  });

  it.each([
    ["HTML", Buffer.from("<!doctype html><html><body>hi</body></html>")],
    ["JSON", Buffer.from('{"error":"not found"}')],
    ["SVG (script-capable)", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
    ["HEIC", ftyp("heic", ["mif1", "heic"])],
    ["M4A audio", ftyp("M4A ", ["M4A ", "mp42", "isom"])],
    ["Matroska", ebml("matroska")],
    ["a PDF", Buffer.from("%PDF-1.7\n")],
    ["empty input", Buffer.alloc(0)],
    ["a truncated PNG signature", Buffer.from([0x89, 0x50, 0x4e])],
    ["a RIFF that is not WebP (WAV)", Buffer.from("RIFF\x24\x00\x00\x00WAVEfmt ", "latin1")],
  ])("refuses %s", (_name, bytes) => {
    expect(sniffMediaType(bytes)).toBeNull();
  });
});
