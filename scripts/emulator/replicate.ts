// Replicate HTTP API (docs/protocols.md §1): predictions by version, model or deployment, get,
// cancel, the default webhook secret, and Standard Webhooks deliveries.
import type { ServedModel } from "../../lib/models/provider-models";
import { type CredentialVerdict, credentialVerdict, parseControls, STALL_MS } from "./controls";
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
import { appendLog, isTerminal, type Job, type JobRunner, newJob, remember } from "./jobs";
import { clampSize, isVideoModel, parseFormat, resolveSeed, sizeForAspect, videoSeconds } from "./media";
import { type Deps, generateImages, generateVideo, runTool } from "./outputs";
import { billingRequired, checkInput, problem, servedByName, servedByVersion } from "./replicate-checks";
import { replicatePrediction } from "./replicate-json";
import { toolJobOf } from "./tool-jobs";
import { standardWebhookHeaders, type WebhookSender } from "./webhooks";

export interface ReplicateDeps extends Deps {
  runner: JobRunner;
  webhooks: WebhookSender;
  secret: string;
}

export interface Prediction {
  job: Job<string | string[]>;
  model: string;
  version: string;
  deployment?: string;
  input: Record<string, unknown>;
  webhook?: string;
  events: string[];
  /** Status polls answered so far (`[flaky]` fails the first). */
  polls: number;
}

const EVENTS = ["start", "output", "logs", "completed"];
// Official models whose schema returns one URI string rather than an array (docs/protocols.md §1.3).
const SINGLE_OUTPUT =
  /flux-1\.1-pro|flux-pro|flux-fill|flux-kontext|ideogram-ai\/|recraft-ai\/|google\/imagen|real-esrgan|background-remover|codeformer/;

/** Intermediate events (`output`, `logs`) go out at most this often per prediction. */
const INTERMEDIATE_EVENT_MS = 500;

/** `webhook_events_filter`: a list of known events (all four when absent), refused otherwise. */
function eventsFilter(value: unknown): string[] {
  if (value === undefined || value === null) return EVENTS;
  const refuse = (field: string, description: string) =>
    new HttpError(422, problem(422, "Input validation failed", `- ${field}: ${description}\n`));
  if (!Array.isArray(value)) throw refuse("webhook_events_filter", "Invalid type. Expected: array");
  value.forEach((event, index) => {
    if (typeof event !== "string" || !EVENTS.includes(event)) {
      const allowed = EVENTS.map((e) => `"${e}"`).join(", ");
      const field = `webhook_events_filter.${index}`;
      throw refuse(field, `${field} must be one of the following: ${allowed}`);
    }
  });
  return [...new Set(value as string[])];
}

function authorize(route: Route): CredentialVerdict {
  const auth = header(route.req, "authorization") ?? "";
  const token = /^(?:Bearer|Token)\s+(.+)$/i.exec(auth)?.[1];
  const verdict = credentialVerdict(token);
  if (verdict === "missing")
    throw new HttpError(401, problem(401, "Unauthenticated", "You did not pass an authentication token"));
  if (verdict === "invalid")
    throw new HttpError(
      401,
      problem(401, "Unauthenticated", "You did not pass a valid authentication token"),
    );
  if (verdict === "ratelimited") {
    const detail = "Request was throttled. Your rate limit resets in ~1s.";
    throw new HttpError(429, problem(429, "Request was throttled", detail), { "retry-after": "1" });
  }
  return verdict;
}

/** The model and version a prediction reports, from the served ref (`owner/name[:version]`). */
function targetOf(served: ServedModel): { model: string; version: string } {
  const [model = served.ref, version = "hidden"] = served.ref.split(":");
  return { model, version };
}

export function createReplicate(deps: ReplicateDeps) {
  const predictions = new Map<string, Prediction>();
  const urlFor = (id: string) => `${deps.ctx.origin()}/v1/predictions/${id}`;
  const json = (p: Prediction) => replicatePrediction(p, urlFor(p.job.id));

  // Replicate sends `output` and `logs` events at most once per 500 ms each per prediction: the
  // first at once, later ones at the end of the window with the state as it is then; a terminal
  // event makes a pending one moot (the completed body carries everything).
  const throttles = new Map<string, { sentAt: number; timer: NodeJS.Timeout | null }>();
  function notifyThrottled(p: Prediction, event: "logs" | "output"): void {
    if (!p.webhook || !p.events.includes(event) || p.job.controls.nohook) return;
    const key = `${p.job.id}:${event}`;
    const throttle = throttles.get(key) ?? { sentAt: 0, timer: null };
    throttles.set(key, throttle);
    if (throttle.timer) return;
    const wait = throttle.sentAt + INTERMEDIATE_EVENT_MS - Date.now();
    const send = () => {
      throttle.timer = null;
      if (isTerminal(p.job.status)) return;
      throttle.sentAt = Date.now();
      notify(p, event);
    };
    if (wait <= 0) send();
    else throttle.timer = setTimeout(send, wait).unref();
  }

  function notify(p: Prediction, event: string): void {
    if (event === "completed")
      for (const key of [`${p.job.id}:logs`, `${p.job.id}:output`]) {
        const timer = throttles.get(key)?.timer;
        if (timer) clearTimeout(timer);
        throttles.delete(key);
      }
    if (!p.webhook || !p.events.includes(event) || p.job.controls.nohook) return;
    const body = JSON.stringify(json(p));
    const id = `msg_${newId()}`;
    const terminal = event === "completed";
    void deps.webhooks.send(p.job.id, {
      url: p.webhook,
      body,
      headers: () => standardWebhookHeaders(deps.secret, id, body),
      retry: terminal,
      duplicate: terminal && p.job.controls.dup,
    });
  }

  async function create(
    route: Route,
    body: Record<string, unknown>,
    target: { model: string; version: string; deployment?: string },
    served: ServedModel | null,
    verdict: CredentialVerdict,
  ) {
    if (!body.input || typeof body.input !== "object") {
      throw new HttpError(
        422,
        problem(422, "Input validation failed", "- input: Invalid type. Expected: object"),
      );
    }
    if (served) checkInput(served, body.input);
    const webhook = asString(body.webhook);
    if (webhook !== undefined && !/^https?:\/\//.test(webhook)) {
      throw new HttpError(422, problem(422, "Invalid webhook", "- webhook: Enter a valid URL."));
    }
    const filter = eventsFilter(body.webhook_events_filter);
    const input = asRecord(body.input);
    const prompt = asString(input.prompt) ?? "";
    const controls = parseControls(prompt);
    if (verdict === "billing" || controls.billing) throw billingRequired();
    if (controls.stall) {
      let hungUp = false;
      route.res.once("close", () => {
        hungUp = true;
      });
      await new Promise((r) => setTimeout(r, STALL_MS * deps.ctx.speedFactor));
      if (hungUp) return;
    }
    const p: Prediction = {
      job: newJob(newId(), controls),
      ...target,
      input,
      webhook,
      events: filter,
      polls: 0,
    };
    remember(predictions, p.job.id, p);
    const seed = resolveSeed(prompt, input.seed);
    const video = isVideoModel(p.model);
    deps.runner.start(p.job, {
      onRunning: () => appendLog(p.job, `Using seed: ${seed}`),
      onLog: () => notifyThrottled(p, "logs"),
      produce: async () => {
        const { huge, redirect, corrupt } = p.job.controls;
        const tool = toolJobOf(p.model, input);
        if (tool) {
          const file = await runTool(deps, tool, { prompt, seed, huge, redirect });
          return video || SINGLE_OUTPUT.test(p.model) ? file.url : [file.url];
        }
        if (video) {
          const aspectRatio = asString(input.aspect_ratio);
          const seconds = videoSeconds(input.duration);
          return (await generateVideo(deps, { prompt, seed, aspectRatio, seconds, huge, corrupt, redirect }))
            .url;
        }
        const width = asInt(input.width);
        const height = asInt(input.height);
        const size = width && height ? clampSize(width, height) : sizeForAspect(asString(input.aspect_ratio));
        const format = parseFormat(input.output_format, "webp");
        const count = Math.min(4, Math.max(1, asInt(input.num_outputs) ?? 1));
        const files = await generateImages(deps, { prompt, seed, ...size, format, count, huge, redirect });
        const urls = files.map((file) => file.url);
        return SINGLE_OUTPUT.test(p.model) ? urls[0]! : urls;
      },
      onOutput: () => notifyThrottled(p, "output"),
      onTerminal: () => notify(p, "completed"),
    });
    notify(p, "start");
    const wait = /^wait(?:=(\d+))?$/.exec(header(route.req, "prefer") ?? "");
    if (wait) await deps.runner.waitForTerminal(p.job, Math.min(60, Number(wait[1] ?? 60)) * 1000);
    sendJson(route.res, 201, json(p), { location: urlFor(p.job.id) });
  }

  function find(id: string): Prediction {
    const p = predictions.get(id);
    if (!p) throw new HttpError(404, { detail: "Not found.", status: 404 });
    return p;
  }

  return async function handle(route: Route): Promise<boolean> {
    const { method, url } = route;
    if (!url.pathname.startsWith("/v1/")) return false;
    const verdict = authorize(route);
    const body =
      method === "POST" ? await readJson(route.req, (detail) => problem(400, "Invalid request", detail)) : {};
    const routes: RouteTable = [
      ["GET", /^\/webhooks\/default\/secret$/, () => sendJson(route.res, 200, { key: deps.secret })],
      [
        "POST",
        /^\/predictions$/,
        () => {
          const version = asString(body.version);
          if (version) {
            const served = servedByVersion(version);
            return create(route, body, targetOf(served), served, verdict);
          }
          throw new HttpError(422, problem(422, "Input validation failed", "- version: version is required"));
        },
      ],
      [
        "POST",
        /^\/models\/([^/]+)\/([^/]+)\/predictions$/,
        (m) => {
          const served = servedByName(`${m[1]}/${m[2]}`);
          return create(route, body, targetOf(served), served, verdict);
        },
      ],
      [
        "POST",
        /^\/deployments\/([^/]+)\/([^/]+)\/predictions$/,
        (m) =>
          create(
            route,
            body,
            { model: `${m[1]}/${m[2]}`, version: "hidden", deployment: `${m[1]}/${m[2]}` },
            null,
            verdict,
          ),
      ],
      [
        "GET",
        /^\/predictions$/,
        () => {
          const results = [...predictions.values()].reverse().slice(0, 100).map(json);
          sendJson(route.res, 200, { previous: null, next: null, results });
        },
      ],
      [
        "GET",
        /^\/predictions\/([a-z0-9]+)$/,
        (m) => {
          const p = find(m[1]!);
          if (p.job.controls.flaky && p.polls++ === 0) {
            const detail = "The service is temporarily unavailable. Please try again.";
            throw new HttpError(503, problem(503, "Service Unavailable", detail));
          }
          sendJson(route.res, 200, json(p));
        },
      ],
      [
        "POST",
        /^\/predictions\/([a-z0-9]+)\/cancel$/,
        (m) => {
          const p = find(m[1]!);
          if (!isTerminal(p.job.status)) deps.runner.cancel(p.job);
          sendJson(route.res, 200, json(p));
        },
      ],
    ];
    if (!(await dispatch(routes, method, url.pathname.slice(3)))) {
      throw new HttpError(404, { detail: "Not found.", status: 404 });
    }
    return true;
  };
}
