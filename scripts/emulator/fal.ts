// fal queue API (docs/protocols.md §2): submit to `/{endpoint_id}`, then status, result and cancel
// under `/{owner}/{app}/requests/{id}` (no endpoint sub-path), plus ED25519-signed webhooks.
import { type CredentialVerdict, credentialVerdict, FAILURE_MESSAGE, parseControls } from "./controls";
import { balanceExhausted, checkInput, servedEndpoint } from "./fal-checks";
import { asInt, asRecord, asString, HttpError, header, newId, type Route, readJson, sendJson } from "./http";
import { isTerminal, type Job, type JobRunner, newJob, remember } from "./jobs";
import { clampSize, isVideoModel, parseFormat, resolveSeed, sizeForAspect, videoSeconds } from "./media";
import { type Deps, generateImages, generateVideo } from "./outputs";
import type { FalSigner, WebhookSender } from "./webhooks";

export interface FalDeps extends Deps {
  runner: JobRunner;
  webhooks: WebhookSender;
  signer: FalSigner;
}

interface FalRequest {
  job: Job<Record<string, unknown>>;
  endpoint: string;
  base: string;
  webhook?: string;
  /** Status polls answered so far (`[flaky]` fails the first). */
  polls: number;
}

const NAMESPACES = ["workflows", "comfy"];
const IMAGE_SIZES: Record<string, [number, number]> = {
  square_hd: [1024, 1024],
  square: [512, 512],
  portrait_4_3: [768, 1024],
  portrait_16_9: [576, 1024],
  landscape_4_3: [1024, 768],
  landscape_16_9: [1024, 576],
};
const VALIDATION_ERROR = { detail: [{ loc: ["body", "prompt"], msg: FAILURE_MESSAGE, type: "value_error" }] };

/** `{namespace?}/{owner}/{app}`: the only part of the endpoint id used by status, result and cancel. */
function appBase(endpoint: string): string {
  const parts = endpoint.split("/");
  return parts.slice(0, NAMESPACES.includes(parts[0]!) ? 3 : 2).join("/");
}

function authorize(route: Route): CredentialVerdict {
  const key = /^Key\s+(.+)$/i.exec(header(route.req, "authorization") ?? "")?.[1];
  const verdict = credentialVerdict(key);
  if (verdict === "missing")
    throw new HttpError(401, { detail: "Authentication is required to perform this action" });
  if (verdict === "invalid") throw new HttpError(401, { detail: "Invalid authentication credentials" });
  if (verdict === "ratelimited")
    throw new HttpError(429, { detail: "Rate limit exceeded" }, { "retry-after": "1" });
  return verdict;
}

function imageSize(input: Record<string, unknown>): { width: number; height: number } {
  const size = input.image_size;
  if (typeof size === "string" && IMAGE_SIZES[size]) return clampSize(...IMAGE_SIZES[size]);
  const custom = asRecord(size);
  const [width, height] = [asInt(custom.width), asInt(custom.height)];
  if (width && height) return clampSize(width, height);
  const aspect = asString(input.aspect_ratio);
  return aspect ? sizeForAspect(aspect) : clampSize(1024, 768);
}

export function createFal(deps: FalDeps) {
  const requests = new Map<string, FalRequest>();
  const urls = (r: FalRequest) => {
    const responseUrl = `${deps.ctx.origin()}/${r.base}/requests/${r.job.id}`;
    return {
      response_url: responseUrl,
      status_url: `${responseUrl}/status`,
      cancel_url: `${responseUrl}/cancel`,
    };
  };

  function notify(r: FalRequest): void {
    const { job } = r;
    if (!r.webhook || job.controls.nohook || job.status === "canceled") return;
    const ids = { request_id: job.id, gateway_request_id: job.id };
    const body = JSON.stringify(
      job.status === "succeeded"
        ? { ...ids, status: "OK", payload: job.output }
        : { ...ids, status: "ERROR", error: "Invalid status code: 422", payload: VALIDATION_ERROR },
    );
    void deps.webhooks.send(job.id, {
      url: r.webhook,
      body,
      headers: () => deps.signer.headers(job.id, body),
      retry: true,
      duplicate: job.controls.dup,
    });
  }

  async function submit(route: Route, endpoint: string, verdict: CredentialVerdict): Promise<void> {
    const served = servedEndpoint(endpoint);
    const input = await readJson(route.req, (detail) => ({ detail }));
    checkInput(served, input);
    const webhook = route.url.searchParams.get("fal_webhook") ?? undefined;
    if (webhook !== undefined && !/^https?:\/\//.test(webhook))
      throw new HttpError(422, { detail: "Invalid fal_webhook URL" });
    const prompt = asString(input.prompt) ?? "";
    const controls = parseControls(prompt);
    if (verdict === "billing" || controls.billing) throw balanceExhausted();
    const r: FalRequest = {
      job: newJob(newId(), controls),
      endpoint,
      base: appBase(endpoint),
      webhook,
      polls: 0,
    };
    remember(requests, r.job.id, r);
    const seed = resolveSeed(prompt, input.seed);
    deps.runner.start(r.job, {
      produce: async () => {
        const { huge, redirect, corrupt } = r.job.controls;
        if (isVideoModel(endpoint)) {
          const aspectRatio = asString(input.aspect_ratio);
          const seconds = videoSeconds(input.duration);
          const file = await generateVideo(deps, {
            prompt,
            seed,
            aspectRatio,
            seconds,
            huge,
            corrupt,
            redirect,
          });
          const video = {
            url: file.url,
            content_type: file.contentType,
            file_name: file.fileName,
            file_size: file.size,
          };
          return { video, seed };
        }
        const count = Math.min(4, Math.max(1, asInt(input.num_images) ?? 1));
        const format = parseFormat(input.output_format, "jpeg");
        const size = imageSize(input);
        const files = await generateImages(deps, { prompt, seed, ...size, format, count, huge, redirect });
        const images = files.map((f) => ({
          url: f.url,
          width: f.width,
          height: f.height,
          content_type: f.contentType,
          file_name: f.fileName,
          file_size: f.size,
        }));
        return {
          images,
          timings: { inference: 0.3 },
          seed,
          has_nsfw_concepts: images.map(() => false),
          prompt,
        };
      },
      onTerminal: () => notify(r),
    });
    const body = {
      status: "IN_QUEUE",
      request_id: r.job.id,
      gateway_request_id: r.job.id,
      ...urls(r),
      queue_position: 0,
    };
    sendJson(route.res, 200, body, { "x-fal-request-id": r.job.id });
  }

  function status(r: FalRequest, withLogs: boolean): [number, Record<string, unknown>] {
    const { job } = r;
    const logs = withLogs
      ? job.logs.map((message, i) => ({
          message,
          level: "INFO",
          source: "user",
          timestamp: job.logTimes[i] ?? job.createdAt,
        }))
      : null;
    const common = { request_id: job.id, ...urls(r) };
    if (job.status === "queued") return [202, { status: "IN_QUEUE", ...common, queue_position: 0 }];
    if (job.status === "running") return [202, { status: "IN_PROGRESS", ...common, logs }];
    const started = Date.parse(job.startedAt ?? job.createdAt);
    const inference = (Date.parse(job.completedAt ?? job.createdAt) - started) / 1000;
    const errors: Partial<Record<string, string>> = {
      failed: FAILURE_MESSAGE,
      canceled: "Request was cancelled",
    };
    const error = errors[job.status];
    return [
      200,
      {
        status: "COMPLETED",
        ...common,
        logs,
        metrics: { inference_time: inference },
        ...(error ? { error } : {}),
      },
    ];
  }

  function result(r: FalRequest): [number, unknown] {
    const { job } = r;
    if (!isTerminal(job.status)) return [400, { detail: "Request is still in progress" }];
    if (job.status === "failed") return [422, VALIDATION_ERROR];
    if (job.status === "canceled") return [400, { detail: "Request was cancelled" }];
    return [200, job.output];
  }

  function cancel(r: FalRequest): [number, unknown] {
    if (!deps.runner.cancel(r.job)) return [400, { status: "ALREADY_COMPLETED" }];
    return [202, { status: "CANCELLATION_REQUESTED" }];
  }

  return async function handle(route: Route): Promise<boolean> {
    const { method, url } = route;
    const match = /^\/(.+)\/requests\/([a-z0-9]+)(\/status|\/cancel)?$/.exec(url.pathname);
    if (!match && method !== "POST") return false;
    const verdict = authorize(route);
    if (!match) {
      const endpoint = url.pathname.slice(1).replace(/\/$/, "");
      if (endpoint.split("/").length < 2) throw new HttpError(404, { detail: "Application not found" });
      await submit(route, endpoint, verdict);
      return true;
    }
    const [, base, id, action] = match;
    const r = requests.get(id!);
    // Faithful to fal: the app base only, never the endpoint's sub-path (docs/protocols.md §2.2 gotcha).
    if (!r || r.base !== base)
      throw new HttpError(404, { detail: `Request ${id} not found`, status: "NOT_FOUND" });
    const headers = { "x-fal-request-id": r.job.id };
    let reply: [number, unknown];
    if (method === "GET" && action === "/status" && r.job.controls.flaky && r.polls++ === 0)
      reply = [503, { detail: "Service temporarily unavailable. Please retry." }];
    else if (method === "GET" && action === "/status")
      reply = status(r, route.url.searchParams.get("logs") === "1");
    else if (method === "GET" && action === undefined) reply = result(r);
    else if (method === "PUT" && action === "/cancel") reply = cancel(r);
    else throw new HttpError(405, { detail: "Method not allowed" });
    sendJson(route.res, reply[0], reply[1], headers);
    return true;
  };
}
