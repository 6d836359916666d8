// The emulator's "CDN": generated files kept in memory (bounded) and served over HTTP.
// `[huge]` files are never held: they are a few header bytes streamed out with padding.
import type { ServerResponse } from "node:http";
import { crc32 } from "node:zlib";
import { HUGE_BYTES } from "./controls";
import { newId } from "./http";

type Entry =
  | { kind: "bytes"; data: Buffer; contentType: string }
  | { kind: "huge"; head: Buffer; size: number; contentType: string };

export interface StoredMedia {
  id: string;
  /** Path on the emulator origin, e.g. `/media/abc.png`. */
  path: string;
  size: number;
  contentType: string;
}

const MAX_ITEMS = 400;
const MAX_BYTES = 256 * 1024 * 1024;
const CHUNK = Buffer.alloc(1024 * 1024);

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0);
  return Buffer.concat([head, data, crc]);
}

/** Valid leading bytes so that type sniffing works before the size cap trips. */
function hugeHead(contentType: string, size: number): Buffer {
  if (contentType === "video/mp4") {
    // ftyp: size 28, major brand isom, minor 0x200, compatible isom iso2 avc1
    const ftyp = Buffer.from("0000001c6674797069736f6d0000020069736f6d69736f3261766331", "hex");
    const mdat = Buffer.alloc(8);
    mdat.writeUInt32BE(size - ftyp.length, 0);
    mdat.write("mdat", 4, "latin1");
    return Buffer.concat([ftyp, mdat]);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8192, 0);
  ihdr.writeUInt32BE(8192, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const head = Buffer.concat([signature, pngChunk("IHDR", ihdr)]);
  const idat = Buffer.alloc(8);
  idat.writeUInt32BE(size - head.length - 12, 0);
  idat.write("IDAT", 4, "latin1");
  return Buffer.concat([head, idat]);
}

export class MediaStore {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  put(data: Buffer, contentType: string, extension: string): StoredMedia {
    const id = newId();
    this.entries.set(id, { kind: "bytes", data, contentType });
    this.bytes += data.length;
    this.evict();
    return { id, path: `/media/${id}.${extension}`, size: data.length, contentType };
  }

  putHuge(contentType: string, extension: string): StoredMedia {
    const id = newId();
    this.entries.set(id, {
      kind: "huge",
      head: hugeHead(contentType, HUGE_BYTES),
      size: HUGE_BYTES,
      contentType,
    });
    return { id, path: `/media/${id}.${extension}`, size: HUGE_BYTES, contentType };
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  private evict(): void {
    for (const [id, entry] of this.entries) {
      if (this.entries.size <= MAX_ITEMS && this.bytes <= MAX_BYTES) return;
      this.entries.delete(id);
      if (entry.kind === "bytes") this.bytes -= entry.data.length;
    }
  }

  /** Writes the file (or a 404) to `res`. Returns false when the id is unknown. */
  async serve(res: ServerResponse, id: string, headOnly: boolean): Promise<boolean> {
    const entry = this.entries.get(id);
    if (!entry) return false;
    const size = entry.kind === "bytes" ? entry.data.length : entry.size;
    res.writeHead(200, {
      "content-type": entry.contentType,
      "content-length": size,
      "cache-control": "public, max-age=3600",
    });
    if (headOnly) {
      res.end();
    } else if (entry.kind === "bytes") {
      res.end(entry.data);
    } else {
      await streamHuge(res, entry.head, entry.size);
    }
    return true;
  }
}

async function streamHuge(res: ServerResponse, head: Buffer, size: number): Promise<void> {
  res.write(head);
  let left = size - head.length;
  while (left > 0 && !res.destroyed) {
    const chunk = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
    left -= chunk.length;
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off("drain", done);
          res.off("close", done);
          resolve();
        };
        res.on("drain", done);
        res.on("close", done);
      });
    }
  }
  if (!res.destroyed) res.end();
}
