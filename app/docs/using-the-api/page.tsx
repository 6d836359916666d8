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

const FLOW = `curl -s https://your-domain/api/v1/flows/$FLOW_ID/runs \\
  -H "Authorization: Bearer $ATELIER_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"inputs": {"prompt": "a lighthouse at dusk"}, "webhook_url": "https://example.com/hooks/atelier"}'
# → 202 {"id": "…"}; GET /api/v1/flows/$FLOW_ID/schema lists the inputs`;

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
      <p>A saved flow whose inputs you exposed in the editor can be run with just those inputs.</p>
      <Code label="Run a flow">{FLOW}</Code>
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
