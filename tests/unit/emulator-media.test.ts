// Generated media: deterministic per prompt + seed, different across prompts, real containers;
// plus the `[slow]` timing, checked at a small speedFactor.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import Replicate from "replicate";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mp4DurationSeconds } from "@/lib/media/mp4-duration";
import { videoTools } from "@/lib/media/video/binaries";
import { extractFrame } from "@/lib/media/video/extract-frame";
import { withTempDir } from "@/lib/media/video/temp-dir";
import { parseControls } from "@/scripts/emulator/controls";
import { renderImage, renderVideo, sizeForAspect } from "@/scripts/emulator/media";
import { type Emulator, startEmulator } from "@/scripts/emulator/server";
import { until } from "./emulator-receiver";

let emulator: Emulator;
let replicate: Replicate;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, speedFactor: 0.02 });
  replicate = new Replicate({ auth: "r8_test", baseUrl: `${emulator.url}/v1` });
});

afterAll(() => emulator.close());

async function generate(prompt: string, seed: number): Promise<Buffer> {
  const created = await replicate.predictions.create({
    model: "black-forest-labs/flux-schnell",
    input: { prompt, seed, aspect_ratio: "1:1", output_format: "png" },
  });
  const done = await until(
    () => replicate.predictions.get(created.id),
    (p) => p.status === "succeeded",
  );
  return Buffer.from(await (await fetch((done.output as string[])[0]!)).arrayBuffer());
}

/** Top-level boxes of an ISO-BMFF file as [type, size]. */
function boxes(file: Buffer): [string, number][] {
  const found: [string, number][] = [];
  for (let at = 0; at < file.length; ) {
    const size = file.readUInt32BE(at);
    found.push([file.subarray(at + 4, at + 8).toString("latin1"), size]);
    if (size < 8) break;
    at += size;
  }
  return found;
}

describe("emulator media", () => {
  it("same prompt and seed give identical bytes; another prompt gives a visibly different image", async () => {
    const first = await generate("a red fox in snow", 42);
    const again = await generate("a red fox in snow", 42);
    const other = await generate("a blue whale at dusk", 42);
    expect(first.equals(again)).toBe(true);
    expect(first.equals(other)).toBe(false);
    const [a, b] = await Promise.all([sharp(first).stats(), sharp(other).stats()]);
    const distance = a.channels
      .slice(0, 3)
      .reduce((sum, channel, i) => sum + Math.abs(channel.mean - b.channels[i]!.mean), 0);
    expect(distance).toBeGreaterThan(10);
  });

  it("a different seed changes the image", async () => {
    const spec = { width: 64, height: 64, format: "png" as const, prompt: "a cat" };
    const [one, two] = await Promise.all([
      renderImage({ ...spec, seed: 1 }),
      renderImage({ ...spec, seed: 2 }),
    ]);
    expect(one.equals(two)).toBe(false);
    expect(await sharp(await renderImage({ ...spec, format: "webp", seed: 1 })).metadata()).toMatchObject({
      format: "webp",
      width: 64,
    });
  });

  it("sizes follow the aspect ratio at about one megapixel", () => {
    expect(sizeForAspect("1:1")).toEqual({ width: 1024, height: 1024 });
    expect(sizeForAspect("9:16")).toEqual({ width: 768, height: 1344 });
    expect(sizeForAspect("16:9", 2)).toEqual({ width: 2688, height: 1536 });
    const odd = sizeForAspect("7:3");
    expect(odd.width / odd.height).toBeCloseTo(7 / 3, 1);
  });

  it("videos are H.264 MP4s with the movie header first, the length asked for, the same bytes each time", async () => {
    const video = await renderVideo({ prompt: "a kite", seed: 3, aspectRatio: "9:16", seconds: 3 });
    const found = boxes(video);
    expect(found[0]?.[0]).toBe("ftyp");
    const types = found.map(([type]) => type);
    expect(types.indexOf("moov")).toBeLessThan(types.indexOf("mdat"));
    expect(found.reduce((sum, [, size]) => sum + size, 0)).toBe(video.length);
    expect(video.includes(Buffer.from("avc1"))).toBe(true);
    expect(mp4DurationSeconds(video)).toBe(3);
    expect(
      (await renderVideo({ prompt: "a kite", seed: 3 })).equals(
        await renderVideo({ prompt: "a kite", seed: 3 }),
      ),
    ).toBe(true);
  });

  it("a video's block starts at the left edge and ends at the right edge", async () => {
    const video = await renderVideo({ prompt: "a sled", seed: 1, seconds: 2 });
    const { ffmpeg } = await videoTools();
    const frame = async (which: "first" | "last") =>
      withTempDir(async (dir) => {
        await writeFile(path.join(dir, "v.mp4"), video);
        await extractFrame(
          ffmpeg,
          path.join(dir, "v.mp4"),
          which,
          path.join(dir, "f.tif"),
          AbortSignal.timeout(20_000),
        );
        return readFile(path.join(dir, "f.tif"));
      });
    const halves = async (png: Buffer) => {
      const { width, height } = await sharp(png).metadata();
      // stats() reads its input, so each half is cut out first.
      const half = async (left: number) => {
        const part = await sharp(png)
          .extract({ left, top: 0, width: width / 2, height })
          .png()
          .toBuffer();
        return (await sharp(part).stats()).channels.slice(0, 3).map((c) => c.mean);
      };
      return [await half(0), await half(width / 2)];
    };
    const [firstLeft, firstRight] = await halves(await frame("first"));
    const [lastLeft, lastRight] = await halves(await frame("last"));
    // The block moved: what the left half had on the first frame, the right half has on the last.
    for (const [i, value] of firstLeft!.entries()) expect(Math.abs(value - lastRight![i]!)).toBeLessThan(4);
    for (const [i, value] of firstRight!.entries()) expect(Math.abs(value - lastLeft![i]!)).toBeLessThan(4);
    expect(firstLeft).not.toEqual(firstRight);
  });

  it("parses the prompt controls", () => {
    expect(parseControls("[SLOW] [dup] a cat")).toEqual({
      fail: false,
      slow: true,
      dup: true,
      nohook: false,
      huge: false,
      flaky: false,
      billing: false,
      redirect: false,
      corrupt: false,
      stall: false,
    });
  });

  it("[slow] takes 20 s times speedFactor while the normal path takes ~300 ms", async () => {
    // speedFactor 0.02: normal ~6 ms, slow ~400 ms.
    const started = Date.now();
    const model = "black-forest-labs/flux-schnell";
    const slow = await replicate.predictions.create({ model, input: { prompt: "[slow] a snail" } });
    const fast = await replicate.predictions.create({ model, input: { prompt: "a hare" } });
    await until(
      () => replicate.predictions.get(fast.id),
      (p) => p.status === "succeeded",
    );
    expect((await replicate.predictions.get(slow.id)).status).not.toBe("succeeded");
    await until(
      () => replicate.predictions.get(slow.id),
      (p) => p.status === "succeeded",
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });
});
