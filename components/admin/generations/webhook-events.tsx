import { Badge } from "@/components/ui/badge";
import type { WebhookEventView } from "@/lib/admin/generations/get-generation-detail";
import { formatDateTime } from "../format";
import { JsonView } from "../json-view";
import type { Wire } from "../wire";

/** The provider's webhook deliveries for one generation, oldest first, payloads on demand. */
export function WebhookEvents({ events }: { events: Wire<WebhookEventView>[] }) {
  return (
    <section aria-labelledby="webhooks-heading" className="flex flex-col gap-3">
      <h2 id="webhooks-heading" className="font-semibold text-lg">
        Webhook events <span className="font-normal text-muted-foreground text-sm">({events.length})</span>
      </h2>
      {events.length === 0 ? (
        <p className="rounded-xl border border-dashed p-6 text-center text-muted-foreground text-sm">
          No webhook deliveries recorded for this generation.
        </p>
      ) : (
        <ol className="flex flex-col gap-2">
          {events.map((e) => (
            <li key={e.id} className="rounded-xl border bg-card p-3 shadow-xs">
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <span className="whitespace-nowrap">{formatDateTime(e.received_at)}</span>
                  <span className="break-all font-mono text-muted-foreground text-xs">{e.event_id}</span>
                  {e.processed_at ? (
                    <Badge variant="success">processed</Badge>
                  ) : (
                    <Badge variant="secondary">pending</Badge>
                  )}
                  <span className="text-muted-foreground text-xs">
                    {e.attempts} attempt{e.attempts === 1 ? "" : "s"}
                  </span>
                  {e.last_error ? <span className="text-destructive text-xs">{e.last_error}</span> : null}
                </summary>
                <JsonView value={e.payload} className="mt-3" />
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
