// Video stills with the shipped ffmpeg on real MP4s made by it here: size and length from the
// headers (rotation applied), the first and last frames, the poster by the image thumbnail
// rules, all under a media permit and a deadline; a file ffmpeg cannot read gives no stills and
// a logged reason, never a throw.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { Logger } from "@/lib/log";
import { processOutputs } from "@/lib/media/process-outputs";
import { Semaphore } from "@/lib/media/semaphore";
import { videoTools } from "@/lib/media/video/binaries";
import { extractFrame } from "@/lib/media/video/extract-frame";
import { FileCopy } from "@/lib/media/video/file-copy";
import { probeVideo } from "@/lib/media/video/probe-video";
import { runTool, ToolError } from "@/lib/media/video/run-tool";
import { withTempDir } from "@/lib/media/video/temp-dir";
import { makeVideoStills, NO_STILLS, type StillsContext } from "@/lib/media/video/video-stills";
import { renderPatternVideo } from "@/scripts/emulator/pattern-video";
import { files, startServer, tempStorage } from "./media-helpers";

const BLUE = "224488";
const YELLOW = "ffcc00";
let tools: { ffmpeg: string; ffprobe: string };
let clip: Buffer; // 320x180, 2 s: the yellow block at the left on the first frame, at the right on the last

beforeAll(async () => {
  tools = await videoTools();
  clip = await renderPatternVideo({ width: 320, height: 180, seconds: 2, background: BLUE, block: YELLOW });
});

const deadline = () => AbortSignal.timeout(20_000);

/** Runs `fn` with the clip (or other bytes) written to a scratch file. */
function withFile<T>(data: Buffer, fn: (file: string, dir: string) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const file = path.join(dir, "clip.mp4");
    await writeFile(file, data);
    return fn(file, dir);
  });
}

/** Mean RGB of the left and right thirds of the band across the middle, where the block runs. */
async function thirds(image: Buffer): Promise<{ left: number[]; right: number[] }> {
  const { width, height } = await sharp(image).metadata();
  const third = Math.floor(width / 3);
  const band = { top: Math.floor(height / 2 - height / 12), height: Math.floor(height / 6) };
  const mean = async (left: number) => {
    const part = await sharp(image)
      .extract({ left, width: third, ...band })
      .png()
      .toBuffer();
    return (await sharp(part).stats()).channels.slice(0, 3).map((c) => c.mean);
  };
  return { left: await mean(0), right: await mean(width - third) };
}

/** Yellow has far more red than the blue background. */
const yellowish = (rgb: number[]) => (rgb[0] ?? 0) - (rgb[2] ?? 0) > 30;

function recordingLog(): Logger & { warnings: Record<string, unknown>[] } {
  const warnings: Record<string, unknown>[] = [];
  const logger: Logger & { warnings: typeof warnings } = {
    warnings,
    info: () => {},
    error: () => {},
    warn: (message, fields) => warnings.push({ message, ...fields }),
    child: () => logger,
  };
  return logger;
}

function stillsContext(overrides: Partial<StillsContext> = {}) {
  const stored = new Map<string, { data: Buffer; contentType: string }>();
  const semaphore = new Semaphore(1);
  let heldWhileDecoding = false;
  const context: StillsContext = {
    generationId: "gen-1",
    permits: {
      withPermit: (fn) =>
        semaphore.withPermit(() => {
          heldWhileDecoding = semaphore.active === 1;
          return fn();
        }),
    },
    store: async (objectPath, data, contentType) => {
      stored.set(objectPath, { data, contentType });
    },
    ...overrides,
  };
  return { context, stored, semaphore, held: () => heldWhileDecoding };
}

describe("probeVideo", () => {
  it("reads the size and length from the headers", async () => {
    expect(await withFile(clip, (file) => probeVideo(tools.ffprobe, file, deadline()))).toEqual({
      width: 320,
      height: 180,
      durationSeconds: 2,
    });
  });

  it("gives the size as displayed for a clip stored sideways", async () => {
    const upright = await renderPatternVideo({
      width: 320,
      height: 180,
      seconds: 1,
      background: BLUE,
      block: YELLOW,
      rotate: 90,
    });
    expect(await withFile(upright, (file) => probeVideo(tools.ffprobe, file, deadline()))).toMatchObject({
      width: 180,
      height: 320,
    });
  });

  it("refuses bytes that are no video", async () => {
    const junk = Buffer.concat([clip.subarray(0, 32), Buffer.alloc(4096, 7)]);
    const error = await withFile(junk, (file) => probeVideo(tools.ffprobe, file, deadline())).catch((e) => e);
    expect(error).toBeInstanceOf(ToolError);
    expect(error.message).toMatch(/^ffprobe failed \(exit 1\): .*Invalid data/);
  });
});

describe("extractFrame", () => {
  it("takes the first and the last frame", async () => {
    const [first, last] = await withFile(clip, async (file, dir) => {
      const out = (name: string) => path.join(dir, name);
      await extractFrame(tools.ffmpeg, file, "first", out("first.tif"), deadline());
      await extractFrame(tools.ffmpeg, file, "last", out("last.tif"), deadline());
      return [await readFile(out("first.tif")), await readFile(out("last.tif"))];
    });
    expect(await sharp(first).metadata()).toMatchObject({ format: "tiff", width: 320, height: 180 });
    const [a, b] = [await thirds(first as Buffer), await thirds(last as Buffer)];
    expect([yellowish(a.left), yellowish(a.right)]).toEqual([true, false]);
    expect([yellowish(b.left), yellowish(b.right)]).toEqual([false, true]);
  }, 15_000);

  it("finds the last frame of a clip shorter than the half second it seeks back", async () => {
    const short = await renderPatternVideo({
      width: 160,
      height: 90,
      seconds: 0.5,
      background: BLUE,
      block: YELLOW,
    });
    const last = await withFile(short, async (file, dir) => {
      await extractFrame(tools.ffmpeg, file, "last", path.join(dir, "last.tif"), deadline());
      return readFile(path.join(dir, "last.tif"));
    });
    expect(yellowish((await thirds(last)).right)).toBe(true);
  }, 15_000);
});

describe("makeVideoStills", () => {
  it("makes a WebP poster within 512 px from the first frame and a full-size JPEG of the last, under a permit", async () => {
    const hd = await renderPatternVideo({
      width: 1280,
      height: 720,
      seconds: 3,
      background: BLUE,
      block: YELLOW,
    });
    const { context, stored, semaphore, held } = stillsContext();
    const stills = await withFile(hd, (file) => makeVideoStills(context, file, "out/0"));

    expect(stills).toMatchObject({
      width: 1280,
      height: 720,
      durationSeconds: 3,
      poster: { path: "out/0.thumb.webp", width: 512, height: 288 },
      lastFrame: { path: "out/0.last.jpg", width: 1280, height: 720 },
    });
    expect([...stored.keys()]).toEqual(["out/0.thumb.webp", "out/0.last.jpg"]);
    const poster = stored.get("out/0.thumb.webp");
    expect(poster?.contentType).toBe("image/webp");
    expect(await sharp(poster?.data).metadata()).toMatchObject({ format: "webp", width: 512, height: 288 });
    expect(stills.poster?.bytes).toBe(poster?.data.byteLength);
    const lastFrame = stored.get("out/0.last.jpg")?.data as Buffer;
    expect(await sharp(lastFrame).metadata()).toMatchObject({ format: "jpeg", width: 1280, height: 720 });
    expect(yellowish((await thirds(poster?.data as Buffer)).left)).toBe(true);
    expect(yellowish((await thirds(lastFrame)).right)).toBe(true);
    expect(held()).toBe(true);
    expect(semaphore.active).toBe(0);
  }, 30_000);

  it("gives no stills for a file ffmpeg cannot read, and logs why", async () => {
    const log = recordingLog();
    const { context, stored } = stillsContext({ log });
    const junk = Buffer.concat([clip.subarray(0, 32), Buffer.alloc(4096, 7)]);
    expect(await withFile(junk, (file) => makeVideoStills(context, file, "out/0"))).toEqual(NO_STILLS);
    expect(stored.size).toBe(0);
    expect(log.warnings).toEqual([
      {
        message: "video poster failed",
        generationId: "gen-1",
        reason: expect.stringMatching(/ffprobe failed/),
      },
    ]);
  });

  it("stops ffmpeg at the deadline", async () => {
    const log = recordingLog();
    const { context } = stillsContext({ log, timeoutMs: 1 });
    expect(await withFile(clip, (file) => makeVideoStills(context, file, "out/0"))).toEqual(NO_STILLS);
    expect(log.warnings[0]?.reason).toMatch(/timed out/);
  });
});

describe("runTool", () => {
  it("kills a tool that writes more than it may", async () => {
    const args = ["-v", "error", "-f", "lavfi", "-i", "color=s=64x64:d=5", "-f", "rawvideo", "pipe:1"];
    await expect(runTool(tools.ffmpeg, args, { signal: deadline(), maxStdoutBytes: 1000 })).rejects.toThrow(
      "ffmpeg wrote more than 1000 bytes",
    );
  });
});

describe("processOutputs: video stills", () => {
  it("a streamed clip and an inline one both get their poster, last frame, size and length", async () => {
    const server = await startServer(files({ "/clip.mp4": { body: clip, type: "video/mp4" } }));
    const store = await tempStorage();
    try {
      const common = {
        generationId: "9b2e4d7a-1c3f-4e5a-8b6d-2f0a1e3c5d77",
        userId: "3f1c6a52-7a59-4d1e-9a53-0d6e2b1f4c11",
        attempt: "a1",
        kind: "video" as const,
        storage: store,
        allowedHosts: ["127.0.0.1"],
        limits: { imageMaxBytes: 1024 * 1024, videoMaxBytes: 10 * 1024 * 1024 },
        semaphore: new Semaphore(2),
      };
      const outputs = await processOutputs({
        ...common,
        sources: [{ url: `${server.origin}/clip.mp4` }, { bytes: clip, mimeType: "video/mp4" }],
      });
      const dir = `users/${common.userId}/generations/${common.generationId}/a1`;
      for (const [index, output] of outputs.entries()) {
        expect(output).toMatchObject({
          path: `${dir}/${index}.mp4`,
          thumb_path: `${dir}/${index}.thumb.webp`,
          width: 320,
          height: 180,
          duration_seconds: 2,
          thumb: { width: 320, height: 180 },
          last_frame: { path: `${dir}/${index}.last.jpg`, width: 320, height: 180 },
        });
      }
      expect(store.calls.map((call) => call.path)).toEqual([
        `${dir}/0.mp4`,
        `${dir}/0.thumb.webp`,
        `${dir}/0.last.jpg`,
        `${dir}/1.mp4`,
        `${dir}/1.thumb.webp`,
        `${dir}/1.last.jpg`,
      ]);
    } finally {
      await server.close();
      await store.cleanup();
    }
  });
});

describe("FileCopy", () => {
  it("a copy that cannot be written lets the stream go on and says why at the end", async () => {
    const copy = new FileCopy("/nonexistent-dir/for-sure/clip.mp4");
    const taken: number[] = [];
    for (const [i, chunk] of [Buffer.alloc(64 * 1024), Buffer.alloc(64 * 1024)].entries())
      await new Promise<void>((resolve) => copy.write(chunk, () => resolve(void taken.push(i))));
    expect(taken).toEqual([0, 1]);
    expect((await copy.close())?.message).toMatch(/ENOENT/);
  });

  it("a whole copy has the stream's bytes", async () => {
    await withTempDir(async (dir) => {
      const copy = new FileCopy(path.join(dir, "clip.mp4"));
      await new Promise<void>((resolve) => copy.write(clip, resolve));
      expect(await copy.close()).toBeNull();
      expect((await readFile(path.join(dir, "clip.mp4"))).equals(clip)).toBe(true);
    });
  });
});
