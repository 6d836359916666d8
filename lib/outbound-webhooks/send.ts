import "server-only";
// One delivery attempt over HTTP: the URL checked again, its host resolved and vetted, the
// connection pinned to the vetted addresses (so DNS cannot answer differently a moment later),
// no redirects followed (a 3xx is a failed attempt, never a hop to somewhere unchecked), and
// one deadline for everything. Only the status code is kept; the body is discarded unread.
import { fetch as undiciFetch } from "undici";
import { pinnedAgent } from "@/lib/net/vetted-addresses";
import {
  AddressRefusedError,
  type EndpointUrlRules,
  endpointUrlProblem,
  RESOLVES_PRIVATE,
  vetEndpointHost,
} from "@/lib/outbound-webhooks/url-policy";

export const DELIVERY_TIMEOUT_MS = 15_000;

export type SendResult = {
  ok: boolean;
  startedAt: Date;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
};

export async function sendWebhook(
  endpointUrl: string,
  headers: Record<string, string>,
  body: string,
  rules: EndpointUrlRules,
): Promise<SendResult> {
  const startedAt = new Date();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const problem = endpointUrlProblem(endpointUrl, rules);
  if (problem)
    return { ok: false, startedAt, statusCode: null, latencyMs: 0, error: `Refused: the URL ${problem}.` };
  const url = new URL(endpointUrl);
  const signal = AbortSignal.timeout(DELIVERY_TIMEOUT_MS);
  let agent: ReturnType<typeof pinnedAgent> | undefined;
  try {
    const addresses = await vetEndpointHost(url, rules, signal);
    agent = pinnedAgent(new Map([[url.hostname.toLowerCase(), addresses]]));
    const response = await undiciFetch(url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal,
      dispatcher: agent,
    });
    await response.body?.cancel().catch(() => {});
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok,
      startedAt,
      statusCode: response.status,
      latencyMs: elapsed(),
      error: ok ? null : `HTTP ${response.status}`,
    };
  } catch (error) {
    return {
      ok: false,
      startedAt,
      statusCode: null,
      latencyMs: elapsed(),
      error: failureReason(error, url, signal),
    };
  } finally {
    agent?.destroy().catch(() => {});
  }
}

function failureReason(error: unknown, url: URL, signal: AbortSignal): string {
  if (error instanceof AddressRefusedError) return `Refused: ${url.hostname} ${RESOLVES_PRIVATE}.`;
  if (signal.aborted) return `No answer within ${DELIVERY_TIMEOUT_MS / 1000} s.`;
  if (error instanceof Error && error.name === "UnresolvedHostError")
    return `${url.hostname} could not be resolved.`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
  return `Could not connect: ${cause ?? (error instanceof Error ? error.message : String(error))}`.slice(
    0,
    300,
  );
}
