// A tiny but real MP4, built by hand so the emulator needs no encoder binary: plain ISO-BMFF
// (ftyp, moov with one avc1 track, mdat) around the I_PCM H.264 frames from ./h264.
import { idrSlice, pps, sps, type YuvFrame } from "./h264";

export interface VideoSpec {
  width: number; // even
  height: number; // even
  fps: number;
  frames: YuvFrame[];
}

const u8 = (v: number) => Buffer.from([v & 0xff]);
const u16 = (v: number) => Buffer.from([(v >>> 8) & 0xff, v & 0xff]);
const u32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(v >>> 0);
  return b;
};
const zeros = (n: number) => Buffer.alloc(n);
const box = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([u32(body.length + 8), Buffer.from(type, "latin1"), body]);
};
const fullBox = (type: string, version: number, flags: number, ...parts: Buffer[]) =>
  box(type, u32(((version & 0xff) << 24) | (flags & 0xffffff)), ...parts);
const MATRIX = Buffer.concat([0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000].map(u32));

export function buildMp4(spec: VideoSpec): Buffer {
  const { width, height, fps, frames } = spec;
  const spsNal = sps(width, height);
  const ppsNal = pps();
  const samples = frames.map((frame, i) => {
    const slice = idrSlice(frame, width, height, i % 2);
    return Buffer.concat([u32(slice.length), slice]);
  });
  const timescale = fps * 1000;
  const movieMs = Math.round((frames.length * 1000) / fps);
  const avcC = box(
    "avcC",
    Buffer.from([1, 66, 0xc0, 30, 0xff, 0xe1]), // version, profile, compatibility, level, 4-byte lengths, 1 SPS
    u16(spsNal.length),
    spsNal,
    u8(1),
    u16(ppsNal.length),
    ppsNal,
  );
  const name = Buffer.alloc(32);
  name.write("\u0010atelier-emulator", "latin1");
  const avc1 = box(
    "avc1",
    zeros(6),
    u16(1), // data_reference_index
    zeros(16),
    u16(width),
    u16(height),
    u32(0x480000),
    u32(0x480000),
    zeros(4),
    u16(1), // frame_count
    name,
    u16(0x18),
    u16(0xffff),
    avcC,
  );
  const moov = (chunkOffset: number) =>
    box(
      "moov",
      fullBox(
        "mvhd",
        0,
        0,
        zeros(8),
        u32(1000),
        u32(movieMs),
        u32(0x10000),
        u16(0x100),
        zeros(10),
        MATRIX,
        zeros(24),
        u32(2),
      ),
      box(
        "trak",
        fullBox(
          "tkhd",
          0,
          3,
          zeros(8),
          u32(1),
          zeros(4),
          u32(movieMs),
          zeros(8),
          zeros(8),
          MATRIX,
          u32(width << 16),
          u32(height << 16),
        ),
        box(
          "mdia",
          fullBox("mdhd", 0, 0, zeros(8), u32(timescale), u32(frames.length * 1000), u16(0x55c4), zeros(2)),
          fullBox("hdlr", 0, 0, zeros(4), Buffer.from("vide"), zeros(12), Buffer.from("VideoHandler\0")),
          box(
            "minf",
            fullBox("vmhd", 0, 1, zeros(8)),
            box("dinf", fullBox("dref", 0, 0, u32(1), fullBox("url ", 0, 1))),
            box(
              "stbl",
              fullBox("stsd", 0, 0, u32(1), avc1),
              fullBox("stts", 0, 0, u32(1), u32(frames.length), u32(1000)),
              fullBox("stsc", 0, 0, u32(1), u32(1), u32(frames.length), u32(1)),
              fullBox("stsz", 0, 0, u32(0), u32(frames.length), ...samples.map((s) => u32(s.length))),
              fullBox("stco", 0, 0, u32(1), u32(chunkOffset)),
            ),
          ),
        ),
      ),
    );
  const ftyp = box("ftyp", Buffer.from("isom"), u32(0x200), Buffer.from("isomiso2avc1mp41"));
  const moovSize = moov(0).length;
  const mdat = box("mdat", ...samples);
  return Buffer.concat([ftyp, moov(ftyp.length + moovSize + 8), mdat]);
}
