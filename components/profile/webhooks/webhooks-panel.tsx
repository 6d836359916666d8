"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/providers/fetch-json";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Skeleton } from "@/components/ui/skeleton";
import { profileKeys } from "../query-keys";
import { AddEndpointForm } from "./add-endpoint-form";
import { EndpointItem } from "./endpoint-item";
import type { EndpointRow } from "./types";

/** /profile/webhooks: the person's endpoints with their logs, and a form to add one. */
export function WebhooksPanel() {
  const endpoints = useQuery({
    queryKey: profileKeys.endpoints,
    queryFn: ({ signal }) =>
      fetchJson<{ endpoints: EndpointRow[] }>("/api/webhook-endpoints", { signal }).then((b) => b.endpoints),
  });
  return (
    <div className="flex flex-col gap-4">
      <Card>
        <CardHeader>
          <CardTitle>Add an endpoint</CardTitle>
          <CardDescription>
            We POST each event as JSON, signed per the Standard Webhooks spec (the <code>webhook-id</code>,{" "}
            <code>webhook-timestamp</code> and <code>webhook-signature</code> headers). Answer with any 2xx;
            anything else is tried again for about a day.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <AddEndpointForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Endpoints</CardTitle>
        </CardHeader>
        <CardContent>
          {endpoints.isPending ? <Skeleton className="h-20" /> : null}
          {endpoints.error ? <FormMessage>{endpoints.error.message}</FormMessage> : null}
          {endpoints.data?.length === 0 ? (
            <p className="text-muted-foreground text-sm">No endpoints yet.</p>
          ) : null}
          {endpoints.data?.length ? (
            <ul aria-label="Webhook endpoints" className="divide-y rounded-lg border">
              {endpoints.data.map((endpoint) => (
                <EndpointItem key={endpoint.id} endpoint={endpoint} />
              ))}
            </ul>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
