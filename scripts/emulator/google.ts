// Gemini API (PROTOCOLS.md §3): `generateContent` for image models with inline PNG parts,
// Veo `predictLongRunning` + operation polling, and `files/{id}:download` for the videos.
import { randomBytes } from "node:crypto";
import { credentialVerdict, FAILURE_MESSAGE, jobDurationMs, parseControls } from "./controls";
import {
  asInt,
  asRecord,
  asString,
  dispatch,
  HttpError,
  header,
  newId,
  type Route,
  type RouteTable,
  readJson,
  sendJson,
} from "./http";
import { type Job, type JobRunner, newJob, remember } from "./jobs";
import { renderImage, resolveSeed, sizeForAspect } from "./media";
import { type Deps, type GeneratedFile, generateVideo } from "./outputs";

export interface GoogleDeps extends Deps {
  runner: JobRunner;
  /** Aborted when the emulator closes, so held requests end. */
  signal: AbortSignal;
}

interface Operation {
  name: string;
  job: Job<GeneratedFile[]>;
}

// @google/genai 3.x calls `/v1/...` by default (2.x used `/v1beta/`); Google serves both.
const GOOGLE_V1_PATH = /^models\/[^/]+:[A-Za-z]+$|^models\/[^/]+\/operations\/|files\/.*:download$/;
const IMAGE_SCALE: Record<string, number> = { "1K": 1, "2K": 2, "4K": 4 };

function googleError(code: number, status: string, message: string, details?: unknown[]): HttpError {
  return new HttpError(code, { error: { code, message, status, ...(details ? { details } : {}) } });
}

function authorize(route: Route): void {
  const key = header(route.req, "x-goog-api-key") ?? route.url.searchParams.get("key") ?? undefined;
  const verdict = credentialVerdict(key);
  if (verdict === "missing") {
    throw googleError(
      403,
      "PERMISSION_DENIED",
      "Method doesn't allow unregistered callers. Please use API Key.",
    );
  }
  if (verdict === "invalid") {
    const info = {
      "@type": "type.googleapis.com/google.rpc.ErrorInfo",
      reason: "API_KEY_INVALID",
      domain: "googleapis.com",
    };
    throw googleError(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", [info]);
  }
  if (verdict === "ratelimited") {
    const retry = { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "1s" };
    throw googleError(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).", [retry]);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}

/** Text of the request's parts, and how many inline reference images came with it. */
function readContents(body: Record<string, unknown>): { prompt: string; images: number } {
  const contents = Array.isArray(body.contents) ? body.contents : [body.contents];
  const texts: string[] = [];
  let images = 0;
  for (const content of contents) {
    const parts = asRecord(content).parts;
    for (const part of Array.isArray(parts) ? parts : []) {
      const record = asRecord(part);
      if (typeof record.text === "string") texts.push(record.text);
      if (record.inlineData || record.inline_data || record.fileData || record.file_data) images += 1;
    }
  }
  return { prompt: texts.join("\n"), images };
}

export function createGoogle(deps: GoogleDeps) {
  const operations = new Map<string, Operation>();

  async function generateContent(route: Route, model: string): Promise<void> {
    const body = await readJson(route.req, (message) => ({
      error: { code: 400, message, status: "INVALID_ARGUMENT" },
    }));
    const { prompt, images } = readContents(body);
    if (prompt === "" && images === 0)
      throw googleError(400, "INVALID_ARGUMENT", "* contents: must not be empty");
    const controls = parseControls(prompt);
    await sleep(jobDurationMs(controls) * deps.ctx.speedFactor, deps.signal);
    if (deps.signal.aborted) return void route.res.destroy();
    const config = asRecord(body.generationConfig ?? body.generation_config);
    const imageConfig = asRecord(config.imageConfig ?? config.image_config);
    const promptTokens = Math.max(1, Math.ceil(prompt.length / 4)) + images * 258;
    const usage = (candidates: number, modality: string) => ({
      promptTokenCount: promptTokens,
      candidatesTokenCount: candidates,
      totalTokenCount: promptTokens + candidates,
      promptTokensDetails: [{ modality: "TEXT", tokenCount: promptTokens }],
      candidatesTokensDetails: [{ modality, tokenCount: candidates }],
    });
    const base = { modelVersion: model, responseId: randomBytes(12).toString("base64url") };
    if (controls.fail) {
      // The SDK drops `finishMessage` on the Gemini API, so the reason is in a text part too.
      const content = { role: "model", parts: [{ text: FAILURE_MESSAGE }] };
      const candidate = { content, finishReason: "IMAGE_SAFETY", finishMessage: FAILURE_MESSAGE, index: 0 };
      return sendJson(route.res, 200, { candidates: [candidate], usageMetadata: usage(0, "TEXT"), ...base });
    }
    const parts: Record<string, unknown>[] = [{ text: `Here is an image for: ${prompt.slice(0, 200)}` }];
    if (model.includes("image")) {
      const scale = IMAGE_SCALE[asString(imageConfig.imageSize ?? imageConfig.image_size) ?? "1K"] ?? 1;
      const size = sizeForAspect(
        asString(imageConfig.aspectRatio ?? imageConfig.aspect_ratio) ?? "1:1",
        scale,
      );
      const seed = resolveSeed(prompt, asInt(config.seed));
      const png = await renderImage({ ...size, format: "png", prompt, seed });
      parts.push({ inlineData: { mimeType: "image/png", data: png.toString("base64") } });
    }
    const content = { role: "model", parts };
    const tokens = model.includes("image") ? 1290 : 12;
    sendJson(route.res, 200, {
      candidates: [{ content, finishReason: "STOP", index: 0 }],
      usageMetadata: usage(tokens, model.includes("image") ? "IMAGE" : "TEXT"),
      ...base,
    });
  }

  async function predictLongRunning(route: Route, model: string): Promise<void> {
    const body = await readJson(route.req, (message) => ({
      error: { code: 400, message, status: "INVALID_ARGUMENT" },
    }));
    const instance = asRecord(Array.isArray(body.instances) ? body.instances[0] : undefined);
    const parameters = asRecord(body.parameters);
    const prompt = asString(instance.prompt) ?? "";
    if (prompt === "" && !instance.image)
      throw googleError(400, "INVALID_ARGUMENT", "instances[0].prompt is required");
    const op: Operation = { name: "", job: newJob(newId(), parseControls(prompt)) };
    op.name = `models/${model}/operations/${op.job.id}`;
    remember(operations, op.job.id, op);
    const aspectRatio = asString(parameters.aspectRatio) ?? "16:9";
    const samples = Math.min(4, Math.max(1, asInt(parameters.sampleCount) ?? 1));
    const seed = resolveSeed(prompt, asInt(parameters.seed));
    deps.runner.start(op.job, {
      produce: async () =>
        Array.from({ length: samples }, (_, i) =>
          generateVideo(deps, { prompt, seed: seed + i, aspectRatio, huge: op.job.controls.huge }),
        ),
    });
    sendJson(route.res, 200, { name: op.name });
  }

  function operationJson(op: Operation): Record<string, unknown> {
    const { job } = op;
    if (job.status === "failed") return { name: op.name, done: true, error: { code: 3, message: job.error } };
    if (job.status === "canceled")
      return { name: op.name, done: true, error: { code: 1, message: "Operation cancelled" } };
    if (job.status !== "succeeded") return { name: op.name };
    const generatedSamples = (job.output ?? []).map((file) => ({
      video: { uri: `${deps.ctx.origin()}/v1beta/files/${file.id}:download?alt=media` },
    }));
    const response = {
      "@type": "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse",
      generateVideoResponse: { generatedSamples },
    };
    return { name: op.name, done: true, response };
  }

  return async function handle(route: Route): Promise<boolean> {
    const { method, url } = route;
    const prefixed = /^\/(v1beta|v1)\/(.*)$/.exec(url.pathname);
    if (!prefixed) return false;
    const [, version, rawPath] = prefixed;
    const path = decodeURIComponent(rawPath!);
    // `/v1/` is shared with Replicate; only Google-shaped paths are ours there.
    if (version === "v1" && !GOOGLE_V1_PATH.test(path)) return false;
    authorize(route);
    const routes: RouteTable = [
      ["POST", /^models\/([^/:]+):generateContent$/, (m) => generateContent(route, m[1]!)],
      ["POST", /^models\/([^/:]+):predictLongRunning$/, (m) => predictLongRunning(route, m[1]!)],
      [
        "GET",
        /^models\/([^/:]+)\/operations\/([a-z0-9]+)$/,
        (m) => {
          const op = operations.get(m[2]!);
          if (op?.name.startsWith(`models/${m[1]}/`)) return sendJson(route.res, 200, operationJson(op));
          throw googleError(404, "NOT_FOUND", "Operation not found");
        },
      ],
      [
        "GET",
        // Also matches the odd path the SDK's files.download builds from an `http://` uri
        // (it only shortens `https://` uris to the file id).
        /files\/([a-z0-9]+):download$/,
        async (m) => {
          if (!(await deps.store.serve(route.res, m[1]!, false)))
            throw googleError(404, "NOT_FOUND", "File not found");
        },
      ],
    ];
    if (!(await dispatch(routes, method, path))) {
      throw googleError(404, "NOT_FOUND", `Method not found: ${method} /${version}/${path}`);
    }
    return true;
  };
}
