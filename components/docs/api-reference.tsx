"use client";
// The OpenAPI document rendered by Scalar. Loaded only in the browser (the viewer measures the
// page) and without Scalar's hosted fonts, so the page needs nothing but this server.
import "@scalar/api-reference-react/style.css";
import dynamic from "next/dynamic";

const ApiReferenceReact = dynamic(
  () => import("@scalar/api-reference-react").then((m) => m.ApiReferenceReact),
  { ssr: false, loading: () => <p className="p-6 text-muted-foreground">Loading the API reference…</p> },
);

export function ApiReference() {
  return (
    <ApiReferenceReact
      configuration={{
        url: "/api/openapi.json",
        withDefaultFonts: false,
        hideClientButton: true,
        layout: "classic",
        hideDarkModeToggle: true,
        defaultOpenAllTags: true,
        showDeveloperTools: "never",
        telemetry: false,
        agent: { disabled: true },
      }}
    />
  );
}
