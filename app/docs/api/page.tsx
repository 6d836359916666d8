import type { Metadata } from "next";
import { ApiReference } from "@/components/docs/api-reference";

export const metadata: Metadata = { title: "API reference" };

export default function ApiReferencePage() {
  return (
    <div className="min-h-screen">
      <h1 className="sr-only">API reference</h1>
      <ApiReference />
    </div>
  );
}
