// One decoded frame of a video as an uncompressed TIFF file (sharp reads it; writing it costs a
// copy, where PNG compression cost more than decoding), displayed the right way up (ffmpeg
// applies the rotation). The last frame is found by seeking to half a second before the end and
// keeping the newest frame decoded from there (`-update 1` overwrites the one image), so only
// the stretch from the keyframe before that point is decoded; files whose length is unknown, or
// with no frame in that last half second, are decoded whole instead, under the same deadline.
// One decoding thread: parallelism comes from the media semaphore, as for sharp.
import { stat } from "node:fs/promises";
import { runTool, ToolError } from "@/lib/media/video/run-tool";

export type FrameWhich = "first" | "last";

export async function extractFrame(
  ffmpeg: string,
  video: string,
  which: FrameWhich,
  out: string,
  signal: AbortSignal,
): Promise<void> {
  const input = ["-v", "error", "-nostdin", "-threads", "1"];
  const output = [
    "-map",
    "0:v:0",
    "-an",
    "-c:v",
    "tiff",
    "-compression_algo",
    "raw",
    "-pix_fmt",
    "rgb24",
  ].concat(["-f", "image2", "-y", out]);
  if (which === "first") {
    await runTool(ffmpeg, [...input, "-i", video, "-frames:v", "1", ...output], { signal });
  } else {
    const fromEnd = [...input, "-sseof", "-0.5", "-i", video, "-update", "1", ...output];
    const whole = [...input, "-i", video, "-update", "1", ...output];
    await runTool(ffmpeg, fromEnd, { signal }).catch((error: unknown) => {
      if (signal.aborted) throw error;
      return runTool(ffmpeg, whole, { signal });
    });
    if (!(await stat(out).catch(() => null))?.size) await runTool(ffmpeg, whole, { signal });
  }
  // ffmpeg exits 0 with no image when the stream has no decodable frame.
  const written = await stat(out).catch(() => null);
  if (!written?.size) throw new ToolError(`ffmpeg decoded no ${which} frame`);
}
