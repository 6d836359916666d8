"use client";
// The OpenAPI document rendered by Scalar. Loaded only in the browser (the viewer measures the
// page) and without Scalar's hosted fonts, so the page needs nothing but this server. It follows
// the app's theme and colours (api-reference.css). Scalar's search button is left out: it is a
// button with the search landmark's role and no name, which screen readers cannot announce as a
// button; the page's own find (Ctrl+F) reaches every operation, all of them open.
import "@scalar/api-reference-react/style.css";
import "./api-reference.css";
import dynamic from "next/dynamic";
import { useTheme } from "@/components/providers/theme-provider";

const ApiReferenceReact = dynamic(
  () => import("@scalar/api-reference-react").then((m) => m.ApiReferenceReact),
  { ssr: false, loading: () => <p className="p-6 text-muted-foreground">Loading the API reference…</p> },
);

export function ApiReference() {
  const { resolvedTheme } = useTheme();
  return (
    <ApiReferenceReact
      configuration={{
        url: "/api/openapi.json",
        withDefaultFonts: false,
        hideClientButton: true,
        layout: "classic",
        hideDarkModeToggle: true,
        forceDarkModeState: resolvedTheme,
        hideSearch: true,
        defaultOpenAllTags: true,
        showDeveloperTools: "never",
        telemetry: false,
        agent: { disabled: true },
      }}
    />
  );
}
