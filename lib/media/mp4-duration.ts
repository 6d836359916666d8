// A video's duration from its movie header ('mvhd' box: timescale and duration), found in the
// bytes as they stream past, wherever the 'moov' box sits (front for fast-start files, end for
// the rest). No decoder needed. Null when the file has no readable header (WebM, MOV variants).

/** Bytes after the 'mvhd' type a version-1 header needs: version+flags, two 8-byte times, timescale, 8-byte duration. */
const NEED = 4 + 8 + 8 + 4 + 8;
const TYPE = Buffer.from("mvhd", "latin1");

export class Mp4DurationScanner {
  #tail: Buffer = Buffer.alloc(0);
  #seconds: number | null = null;

  /** Feeds the next chunk; cheap once found. */
  push(chunk: Buffer): void {
    if (this.#seconds !== null) return;
    const data = this.#tail.length ? Buffer.concat([this.#tail, chunk]) : chunk;
    let at = data.indexOf(TYPE);
    while (at >= 0) {
      if (data.length - (at + 4) < NEED) break; // the header continues in the next chunk
      const seconds = parseHeader(data, at + 4);
      if (seconds !== null) {
        this.#seconds = seconds;
        this.#tail = Buffer.alloc(0);
        return;
      }
      at = data.indexOf(TYPE, at + 1);
    }
    // Keep enough to finish a header that straddles chunks.
    const keep = at >= 0 ? data.length - at : Math.min(data.length, TYPE.length - 1 + NEED);
    this.#tail = Buffer.from(data.subarray(data.length - keep));
  }

  get seconds(): number | null {
    return this.#seconds;
  }
}

function parseHeader(data: Buffer, at: number): number | null {
  const version = data[at];
  if (version === 0) {
    const timescale = data.readUInt32BE(at + 12);
    const duration = data.readUInt32BE(at + 16);
    return valid(timescale, duration);
  }
  if (version === 1) {
    const timescale = data.readUInt32BE(at + 20);
    const duration = Number(data.readBigUInt64BE(at + 24));
    return valid(timescale, duration);
  }
  return null;
}

function valid(timescale: number, duration: number): number | null {
  // An unknown duration is all ones; a zero timescale is no header at all.
  if (timescale === 0 || duration === 0xffffffff || !Number.isFinite(duration / timescale)) return null;
  return Math.round((duration / timescale) * 1000) / 1000;
}

export function mp4DurationSeconds(data: Buffer): number | null {
  const scanner = new Mp4DurationScanner();
  scanner.push(data);
  return scanner.seconds;
}
