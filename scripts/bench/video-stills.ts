// npm run bench:video-stills — what a video output's stills cost: ffprobe, the first frame as a
// WebP poster and the last frame as a full-size JPEG (lib/media/video/video-stills.ts), on clips
// the size providers return (5–8 s at 720p and 1080p, 24 fps, noisy enough for the 2.5–5 Mbit/s
// of real footage). Reports the wall and CPU time per clip and the peak memory
// of ffmpeg/ffprobe (their own processes) and of this process, sampled every 5 ms.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Semaphore } from "../../lib/media/semaphore";
import { videoTools } from "../../lib/media/video/binaries";
import { runTool } from "../../lib/media/video/run-tool";
import { withTempDir } from "../../lib/media/video/temp-dir";
import { makeVideoStills } from "../../lib/media/video/video-stills";
import { mb } from "./harness";

const RUNS = Number(process.env.BENCH_RUNS || 5);
const CLIPS = [
  { width: 1280, height: 720, seconds: 5 },
  { width: 1280, height: 720, seconds: 8 },
  { width: 1920, height: 1080, seconds: 8 },
];

const { ffmpeg } = await videoTools();

/** Peak resident memory (VmHWM) of this process's children, and this process's own RSS. */
async function childPeaks(): Promise<number> {
  let peak = 0;
  const children = await readFile(`/proc/${process.pid}/task/${process.pid}/children`, "utf8").catch(
    () => "",
  );
  for (const pid of children.trim().split(/\s+/).filter(Boolean)) {
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    peak = Math.max(peak, kb * 1024);
  }
  return peak;
}

async function sampled<T>(work: () => Promise<T>): Promise<{ value: T; child: number; self: number }> {
  let child = 0;
  let self = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      child = Math.max(child, await childPeaks());
      self = Math.max(self, process.memoryUsage().rss);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  try {
    return { value: await work(), child, self };
  } finally {
    running = false;
    await sampler;
  }
}

/** CPU time of this process's finished children (cutime + cstime in /proc/self/stat). */
async function childCpuMs(): Promise<number> {
  const fields = (await readFile("/proc/self/stat", "utf8")).split(") ")[1]?.split(" ") ?? [];
  // Fields 16 and 17 of stat(5), counted from the state field (3).
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

console.log(`node ${process.version}, ${RUNS} runs per clip, one media permit, one decoder thread`);
for (const clip of CLIPS) {
  await withTempDir(async (dir) => {
    const file = path.join(dir, "clip.mp4");
    const source = `testsrc2=s=${clip.width}x${clip.height}:r=24:d=${clip.seconds},noise=alls=3:allf=t`;
    const encode = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p"];
    await runTool(ffmpeg, ["-v", "error", "-f", "lavfi", "-i", source, ...encode, "-y", file], {
      signal: AbortSignal.timeout(300_000),
    });
    const size = (await readFile(file)).byteLength;
    const times: number[] = [];
    let child = 0;
    let self = 0;
    const before = process.memoryUsage().rss;
    const [childCpuBefore, selfCpuBefore] = [await childCpuMs(), process.cpuUsage()];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const result = await sampled(() =>
        makeVideoStills(
          { generationId: "bench", permits: new Semaphore(1), store: async () => {} },
          file,
          path.join(dir, "out"),
        ),
      );
      times.push(performance.now() - started);
      if (!result.value.poster || !result.value.lastFrame) throw new Error("no stills");
      child = Math.max(child, result.child);
      self = Math.max(self, result.self);
    }
    const childCpu = ((await childCpuMs()) - childCpuBefore) / RUNS;
    const selfCpu = process.cpuUsage(selfCpuBefore);
    const bitrate = ((size * 8) / clip.seconds / 1e6).toFixed(1);
    console.log(
      `${clip.width}x${clip.height} ${clip.seconds} s (${mb(size)}, ${bitrate} Mbit/s): ` +
        `wall median ${Math.round(median(times))} ms (slowest ${Math.round(Math.max(...times))}); ` +
        `CPU per clip ffmpeg/ffprobe ${Math.round(childCpu)} ms, sharp and node ${Math.round((selfCpu.user + selfCpu.system) / 1000 / RUNS)} ms; ` +
        `peak RSS ffmpeg/ffprobe ${mb(child)}, this process ${mb(self)} (${mb(self - before)} over its start)`,
    );
  });
}
