// Turns a job's request into stored, downloadable files (the shared part of every provider).
import type { EmulatorContext } from "./http";
import { CONTENT_TYPES, type ImageFormat, renderImage, renderVideo } from "./media";
import type { MediaStore, StoredMedia } from "./media-store";

export interface GeneratedFile {
  id: string;
  url: string;
  contentType: string;
  size: number;
  fileName: string;
  width?: number;
  height?: number;
}

export interface Deps {
  ctx: EmulatorContext;
  store: MediaStore;
}

const EXTENSIONS: Record<ImageFormat, string> = { png: "png", webp: "webp", jpeg: "jpg" };

function toFile(deps: Deps, stored: StoredMedia, fileName: string): GeneratedFile {
  return {
    id: stored.id,
    url: `${deps.ctx.origin()}${stored.path}`,
    contentType: stored.contentType,
    size: stored.size,
    fileName,
  };
}

export async function generateImages(
  deps: Deps,
  request: {
    prompt: string;
    seed: number;
    width: number;
    height: number;
    format: ImageFormat;
    count: number;
    huge: boolean;
  },
): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  const extension = EXTENSIONS[request.format];
  for (let index = 0; index < request.count; index++) {
    const fileName = `out-${index}.${extension}`;
    const dimensions = { width: request.width, height: request.height };
    if (request.huge) {
      files.push({
        ...toFile(deps, deps.store.putHuge(CONTENT_TYPES.png, "png"), "out-0.png"),
        ...dimensions,
      });
      continue;
    }
    const data = await renderImage({ ...request, seed: request.seed + index });
    const stored = deps.store.put(data, CONTENT_TYPES[request.format], extension);
    files.push({ ...toFile(deps, stored, fileName), ...dimensions });
  }
  return files;
}

export function generateVideo(
  deps: Deps,
  request: { prompt: string; seed: number; aspectRatio?: string; huge: boolean },
): GeneratedFile {
  if (request.huge) return toFile(deps, deps.store.putHuge(CONTENT_TYPES.mp4, "mp4"), "output.mp4");
  const data = renderVideo(request);
  return toFile(deps, deps.store.put(data, CONTENT_TYPES.mp4, "mp4"), "output.mp4");
}
