// ffmpeg and ffprobe come from npm packages whose tarballs carry static builds (one optional
// package per platform; nothing is downloaded at install time). Found lazily, once per process:
// a platform without a build loses video posters, never the media pipeline.
export type VideoTools = { ffmpeg: string; ffprobe: string };

let found: Promise<VideoTools> | undefined;

export function videoTools(): Promise<VideoTools> {
  found ??= Promise.all([import("@ffmpeg-installer/ffmpeg"), import("@ffprobe-installer/ffprobe")]).then(
    ([ffmpeg, ffprobe]) => ({ ffmpeg: ffmpeg.default.path, ffprobe: ffprobe.default.path }),
    // The ffmpeg package throws a bare string when its platform build is missing.
    (error: unknown) => {
      throw error instanceof Error ? error : new Error(`ffmpeg is not available: ${String(error)}`);
    },
  );
  return found;
}
