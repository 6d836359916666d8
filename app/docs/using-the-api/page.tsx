import type { Metadata } from "next";
import Link from "next/link";
import { C, Code, DocsArticle, H2 } from "@/components/docs/prose";

export const metadata: Metadata = { title: "Using the API" };

const CREATE = `curl -s https://your-domain/api/generations/create \\
  -H "Authorization: Bearer $ATELIER_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"model": "fal-flux-dev", "input": {"prompt": "a red fox in a snowy forest", "num_outputs": 1}}'
# → 202 {"id": "0b8f…", "status": "queued"}`;

const POLL = `curl -s https://your-domain/api/generations/0b8f… \\
  -H "Authorization: Bearer $ATELIER_KEY"
# → {"status": "completed", "outputs": [{"url": "https://…", "width": 1024, …}], "receipt": {…}, …}`;

const SCHEMA = `curl -s https://your-domain/api/v1/flows/$FLOW_ID/schema \\
  -H "Authorization: Bearer $ATELIER_KEY"
# → {"type": "object", "properties": {"prompt": {"type": "string", "title": "Prompt", "default": "…"},
#    "count": {"type": "integer", "minimum": 1, "maximum": 4, "default": 1}}, "required": [], …}`;

const FLOW = `curl -s https://your-domain/api/v1/flows/$FLOW_ID/runs \\
  -H "Authorization: Bearer $ATELIER_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"inputs": {"prompt": "a lighthouse at dusk", "count": 2}, "webhook_url": "https://example.com/hooks/atelier"}'
# → 202 {"id": "7c1e…", "status": "running", "estimated_credits": 2, "version_id": "…", "webhook_secret": "whsec_…"}

curl -s https://your-domain/api/flows/$FLOW_ID/runs/7c1e… \\
  -H "Authorization: Bearer $ATELIER_KEY"
# → {"status": "completed", "charged_credits": 2, "nodes": [{"node_id": "…", "outputs": [{"url": "https://…"}]}, …]}`;

const VERIFY = `import { Webhook } from "standardwebhooks";

// The endpoint's secret, shown once when you added the endpoint on your profile.
const webhook = new Webhook(process.env.ATELIER_WEBHOOK_SECRET);

export async function POST(request) {
  const body = await request.text(); // the raw body: verify before parsing
  let event;
  try {
    event = webhook.verify(body, {
      "webhook-id": request.headers.get("webhook-id"),
      "webhook-timestamp": request.headers.get("webhook-timestamp"),
      "webhook-signature": request.headers.get("webhook-signature"),
    });
  } catch {
    return new Response("invalid signature", { status: 400 });
  }
  // Deliveries are retried until you answer 2xx: use webhook-id to ignore a repeat.
  if (event.type === "generation.completed") console.log(event.data.id, event.data.outputs);
  // A flow run's end: fetch its results from event.data.api_url with a flows:run key.
  if (event.type === "flow_run.completed") console.log(event.data.id, event.data.api_url);
  return new Response(null, { status: 204 });
}`;

export default function UsingTheApiPage() {
  return (
    <DocsArticle
      title="Using the API"
      lead="Everything the app does goes through the same HTTP API, described in an OpenAPI document. Script it with a personal API key."
    >
      <H2>Keys</H2>
      <p>
        Create a key on your <Link href="/profile">profile</Link> with the scopes it needs (<C>generate</C>,{" "}
        <C>read</C>, <C>flows:run</C>). It is shown once; send it as <C>Authorization: Bearer …</C>. Keys
        never open admin routes.
      </p>
      <H2>Create, then poll</H2>
      <Code label="Create a generation">{CREATE}</Code>
      <p>
        The price is taken when the job is accepted and refunded if it fails. Ask first with{" "}
        <C>POST /api/generations/estimate</C>. The model ids and each model&apos;s inputs are in{" "}
        <C>GET /api/models</C>.
      </p>
      <Code label="Read a generation">{POLL}</Code>
      <H2>Run a flow</H2>
      <p>
        A saved flow can be run with just the inputs you exposed in the editor (under Form). Its schema says
        what they are, with their types, limits and defaults; an input left out takes its default.
      </p>
      <Code label="The inputs of a flow">{SCHEMA}</Code>
      <p>
        A run needs a key with the <C>flows:run</C> scope. It is priced and reserved like a run from the
        editor (<C>402</C> when your balance does not cover it), and a value the schema refuses is a{" "}
        <C>422</C> whose <C>field</C> names the input, <C>inputs.count</C> for example; nothing is charged
        then. It runs the flow as saved now; pass <C>version</C> (a named version&apos;s id) to pin one.
      </p>
      <Code label="Run a flow, then read its results">{FLOW}</Code>
      <p>
        With <C>webhook_url</C>, the run&apos;s end (<C>flow_run.completed</C> or <C>flow_run.failed</C>) is
        also sent there, signed like any webhook below but with the <C>webhook_secret</C> of that run&apos;s
        answer, shown only once: verify it with that secret, not an endpoint&apos;s. A canceled run sends
        nothing.
      </p>
      <H2>Webhooks</H2>
      <p>
        Instead of polling, add an endpoint on your profile for <C>generation.completed</C>,{" "}
        <C>generation.failed</C>, <C>flow_run.completed</C> or <C>flow_run.failed</C>. Deliveries are signed
        per the Standard Webhooks specification; verify them with its library, here in Node:
      </p>
      <Code label="Verify a webhook in Node">{VERIFY}</Code>
      <H2>Errors</H2>
      <p>
        Every error answers <C>{`{ "error": { "code", "message", "field"? } }`}</C>: <C>code</C> is stable
        (for example <C>payment_required</C>, <C>rate_limited</C>), <C>field</C> names the input at fault. The
        full list of operations is in the <Link href="/docs/api">API reference</Link> and at{" "}
        <C>/api/openapi.json</C>.
      </p>
    </DocsArticle>
  );
}
