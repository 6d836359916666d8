// Gemini API (docs/protocols.md §3): `generateContent` for image models with inline PNG parts, for
// the models and API versions Google serves (lib/models/provider-models.ts) and only with fields
// its schema knows. Veo (`predictLongRunning`) is no longer served by the Gemini API.
import { randomBytes } from "node:crypto";
import { credentialVerdict, FAILURE_MESSAGE, jobDurationMs, parseControls } from "./controls";
import { checkBody, googleError, servedSchema } from "./google-checks";
import {
  asInt,
  asRecord,
  asString,
  dispatch,
  header,
  type Route,
  type RouteTable,
  readJson,
  sendJson,
} from "./http";
import { renderImage, resolveSeed, sizeForAspect } from "./media";
import type { Deps } from "./outputs";
import { textAnswer } from "./text-answers";

export interface GoogleDeps extends Deps {
  /** Aborted when the emulator closes, so held requests end. */
  signal: AbortSignal;
  /** Sees every accepted generateContent body (kept by the server for tests to read). */
  onRequest?: (model: string, body: Record<string, unknown>) => void;
}

// `/v1/` is shared with Replicate: only Google-shaped paths (`models/{model}:{method}`) are ours.
const GOOGLE_V1_PATH = /^models\/[^/]+:[A-Za-z]+$/;
const IMAGE_SCALE: Record<string, number> = { "1K": 1, "2K": 2, "4K": 4 };

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

/** Text of the request's parts, how many inline reference images came with it, and the first one. */
function readContents(body: Record<string, unknown>): {
  prompt: string;
  images: number;
  first: Buffer | null;
} {
  const contents = Array.isArray(body.contents) ? body.contents : [body.contents];
  const texts: string[] = [];
  let images = 0;
  let first: Buffer | null = null;
  for (const content of contents) {
    const parts = asRecord(content).parts;
    for (const part of Array.isArray(parts) ? parts : []) {
      const record = asRecord(part);
      if (typeof record.text === "string") texts.push(record.text);
      if (record.inlineData || record.inline_data || record.fileData || record.file_data) images += 1;
      const data = asString(asRecord(record.inlineData ?? record.inline_data).data);
      if (data && !first) first = Buffer.from(data, "base64");
    }
  }
  return { prompt: texts.join("\n"), images, first };
}

export function createGoogle(deps: GoogleDeps) {
  async function generateContent(route: Route, version: string, model: string): Promise<void> {
    const schema = servedSchema(version, model);
    const body = await readJson(route.req, (message) => ({
      error: { code: 400, message, status: "INVALID_ARGUMENT" },
    }));
    checkBody(schema, body);
    deps.onRequest?.(model, body);
    const { prompt, images, first } = readContents(body);
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
    const text = model.includes("image")
      ? `Here is an image for: ${prompt.slice(0, 200)}`
      : await textAnswer({ prompt, image: first, config });
    const parts: Record<string, unknown>[] = [{ text }];
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
      ["POST", /^models\/([^/:]+):generateContent$/, (m) => generateContent(route, version!, m[1]!)],
    ];
    if (!(await dispatch(routes, method, path))) {
      throw googleError(404, "NOT_FOUND", `Method not found: ${method} /${version}/${path}`);
    }
    return true;
  };
}
