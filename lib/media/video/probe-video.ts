// A video's displayed size and length, read by ffprobe from the file's headers (no decoding).
// Size is as shown: a phone clip stored 1920x1080 with a 90° rotation plays as 1080x1920.
import { z } from "zod";
import { runTool, ToolError } from "@/lib/media/video/run-tool";

export type VideoProbe = { width: number; height: number; durationSeconds: number | null };

const number = z.coerce.number().finite();
const probeSchema = z.object({
  streams: z
    .array(
      z.object({
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        duration: number.optional(),
        tags: z.object({ rotate: number.optional() }).optional(),
        side_data_list: z.array(z.object({ rotation: number.optional() })).optional(),
      }),
    )
    .default([]),
  format: z.object({ duration: number.optional() }).optional(),
});

export async function probeVideo(ffprobe: string, file: string, signal: AbortSignal): Promise<VideoProbe> {
  const out = await runTool(
    ffprobe,
    [
      "-v",
      "error",
      "-select_streams",
      "v:0",
      "-show_entries",
      "stream=width,height,duration:stream_tags=rotate:stream_side_data=rotation:format=duration",
      "-of",
      "json",
      file,
    ],
    { signal },
  );
  let parsed: z.infer<typeof probeSchema>;
  try {
    parsed = probeSchema.parse(JSON.parse(out.toString("utf8")));
  } catch (error) {
    throw new ToolError("ffprobe found no video stream with a size", { cause: error });
  }
  const [stream] = parsed.streams;
  if (!stream) throw new ToolError("ffprobe found no video stream");
  const rotation =
    stream.side_data_list?.find((s) => s.rotation !== undefined)?.rotation ?? stream.tags?.rotate ?? 0;
  const sideways = Math.abs(Math.round(rotation)) % 180 === 90;
  const duration = parsed.format?.duration ?? stream.duration;
  return {
    width: sideways ? stream.height : stream.width,
    height: sideways ? stream.width : stream.height,
    durationSeconds: duration !== undefined && duration > 0 ? Math.round(duration * 1000) / 1000 : null,
  };
}
