// Reads back the frames of the emulator's MP4s: one avc1 track whose samples are IDR slices of
// I_PCM macroblocks (raw samples), so decoding is undoing the bit layout of
// scripts/emulator/h264.ts. Enough to compare a video's first and last frames with images.

export type Frame = { width: number; height: number; y: Uint8Array; cb: Uint8Array; cr: Uint8Array };

function findBox(
  data: Buffer,
  type: string,
  from = 0,
  to = data.length,
): { start: number; end: number } | null {
  let at = from;
  while (at + 8 <= to) {
    const size = data.readUInt32BE(at);
    const name = data.toString("latin1", at + 4, at + 8);
    if (name === type) return { start: at + 8, end: at + size };
    if (size < 8) return null;
    // Descend into containers on the way.
    if (["moov", "trak", "mdia", "minf", "stbl", "stsd"].includes(name)) {
      // stsd is a full box: version, flags and an entry count come before its entries.
      const inner = findBox(data, type, at + (name === "stsd" ? 16 : 8), at + size);
      if (inner) return inner;
    }
    at += size;
  }
  return null;
}

function removeEmulationPrevention(nal: Buffer): Buffer {
  const out: number[] = [];
  let zeros = 0;
  for (const byte of nal) {
    if (zeros >= 2 && byte === 3) {
      zeros = 0;
      continue;
    }
    out.push(byte);
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return Buffer.from(out);
}

class Bits {
  private at = 0;
  constructor(private readonly data: Buffer) {}
  bit(): number {
    const value = ((this.data[this.at >> 3] as number) >> (7 - (this.at & 7))) & 1;
    this.at++;
    return value;
  }
  bits(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v = (v << 1) | this.bit();
    return v;
  }
  ue(): number {
    let zeros = 0;
    while (this.bit() === 0) zeros++;
    return (1 << zeros) - 1 + this.bits(zeros);
  }
  align(): void {
    this.at = Math.ceil(this.at / 8) * 8;
  }
  bytes(n: number): Buffer {
    const start = this.at >> 3;
    this.at += n * 8;
    return this.data.subarray(start, start + n);
  }
}

export function decodeFrames(mp4: Buffer): Frame[] {
  const avc1 = findBox(mp4, "avc1");
  const stsz = findBox(mp4, "stsz");
  const stco = findBox(mp4, "stco");
  if (!avc1 || !stsz || !stco) throw new Error("not an emulator MP4");
  const width = mp4.readUInt16BE(avc1.start + 24);
  const height = mp4.readUInt16BE(avc1.start + 26);
  const [pw, ph] = [Math.ceil(width / 16) * 16, Math.ceil(height / 16) * 16];
  const count = mp4.readUInt32BE(stsz.start + 8);
  let offset = mp4.readUInt32BE(stco.start + 8);
  const frames: Frame[] = [];
  for (let i = 0; i < count; i++) {
    const size = mp4.readUInt32BE(stsz.start + 12 + i * 4);
    const nal = removeEmulationPrevention(mp4.subarray(offset + 4 + 1, offset + size));
    offset += size;
    const bits = new Bits(nal);
    bits.ue(); // first_mb_in_slice
    bits.ue(); // slice_type
    bits.ue(); // pic_parameter_set_id
    bits.bits(4); // frame_num
    bits.ue(); // idr_pic_id
    bits.bits(2);
    bits.ue(); // slice_qp_delta (se, 0)
    const y = new Uint8Array(pw * ph);
    const cb = new Uint8Array((pw / 2) * (ph / 2));
    const cr = new Uint8Array(cb.length);
    for (let mbY = 0; mbY < ph / 16; mbY++)
      for (let mbX = 0; mbX < pw / 16; mbX++) {
        if (bits.ue() !== 25) throw new Error("not an I_PCM macroblock");
        bits.align();
        for (let row = 0; row < 16; row++) y.set(bits.bytes(16), (mbY * 16 + row) * pw + mbX * 16);
        for (const plane of [cb, cr])
          for (let row = 0; row < 8; row++) plane.set(bits.bytes(8), (mbY * 8 + row) * (pw / 2) + mbX * 8);
      }
    frames.push({ width: pw, height: ph, y, cb, cr });
  }
  return frames;
}

/** Mean RGB of a frame's visible area (BT.601 studio range back to RGB). */
export function meanRgb(frame: Frame, width: number, height: number): [number, number, number] {
  let [r, g, b] = [0, 0, 0];
  for (let row = 0; row < height; row++)
    for (let x = 0; x < width; x++) {
      const Y = (frame.y[row * frame.width + x] as number) - 16;
      const U = (frame.cb[(row >> 1) * (frame.width / 2) + (x >> 1)] as number) - 128;
      const V = (frame.cr[(row >> 1) * (frame.width / 2) + (x >> 1)] as number) - 128;
      r += 1.164 * Y + 1.596 * V;
      g += 1.164 * Y - 0.392 * U - 0.813 * V;
      b += 1.164 * Y + 2.017 * U;
    }
  const n = width * height;
  return [r / n, g / n, b / n];
}
