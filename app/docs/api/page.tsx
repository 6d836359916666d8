import type { Metadata } from "next";
import { ApiReference } from "@/components/docs/api-reference";

export const metadata: Metadata = { title: "API reference" };

export default function ApiReferencePage() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-semibold text-2xl tracking-tight sm:text-3xl">API reference</h1>
      <p className="text-muted-foreground">
        Generated from the same schemas the server checks requests with; the raw document is at{" "}
        <a className="underline" href="/api/openapi.json">
          /api/openapi.json
        </a>
        .
      </p>
      <ApiReference />
    </div>
  );
}
