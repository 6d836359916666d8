import { beforeAll, describe, expect, it } from "vitest";
import { Mp4DurationScanner, mp4DurationSeconds } from "@/lib/media/mp4-duration";
import { renderVideo } from "../../scripts/emulator/media";
import { mp4Header } from "./media-helpers";

let clip: Buffer; // 2 s at 24 fps
beforeAll(async () => {
  clip = await renderVideo({ prompt: "a ball rolling", seed: 7, seconds: 2 });
});

function streamed(data: Buffer, chunkSize: number): number | null {
  const scanner = new Mp4DurationScanner();
  for (let at = 0; at < data.length; at += chunkSize) scanner.push(data.subarray(at, at + chunkSize));
  return scanner.seconds;
}

/** A version-1 movie header (64-bit times) inside a moov box. */
function v1Movie(timescale: number, duration: bigint): Buffer {
  const body = Buffer.alloc(4 + 8 + 8 + 4 + 8 + 80);
  body.writeUInt32BE(1 << 24, 0);
  body.writeUInt32BE(timescale, 20);
  body.writeBigUInt64BE(duration, 24);
  const mvhd = Buffer.concat([Buffer.alloc(4), Buffer.from("mvhd", "latin1"), body]);
  mvhd.writeUInt32BE(mvhd.length, 0);
  return Buffer.concat([mp4Header(), Buffer.from("moov", "latin1"), mvhd]);
}

describe("MP4 duration", () => {
  it("reads the movie header of a whole file", () => {
    expect(mp4DurationSeconds(clip)).toBe(2);
  });

  it("finds it as the file streams past, however the chunks fall", () => {
    for (const size of [1, 2, 3, 5, 7, 13, 31, 64, 1000, 4096])
      expect(streamed(clip, size), `chunks of ${size}`).toBe(2);
  });

  it("reads 64-bit headers", () => {
    expect(mp4DurationSeconds(v1Movie(600, 600n * 95n))).toBe(95);
    expect(streamed(v1Movie(30_000, 45_045n), 3)).toBe(1.502);
  });

  it("answers null without a movie header", () => {
    expect(mp4DurationSeconds(mp4Header())).toBeNull();
    expect(mp4DurationSeconds(Buffer.from("mvhd but nothing after"))).toBeNull();
    expect(mp4DurationSeconds(v1Movie(0, 10n))).toBeNull();
  });
});
