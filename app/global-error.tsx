"use client";

import "./globals.css";
import { THEME_SCRIPT } from "@/components/providers/theme";
import { geistSans } from "@/lib/fonts";

// Replaces the root layout when it fails, so it brings its own document, styles and theme.
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en" suppressHydrationWarning className={geistSans.variable}>
      <head>
        <title>Something went wrong · Atelier</title>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our constant theme script. */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 px-4 text-center">
          <p className="font-semibold text-brand">Atelier</p>
          <h1 className="font-semibold text-2xl tracking-tight">Something went wrong</h1>
          <p className="text-muted-foreground">Atelier could not load. Please try again in a moment.</p>
          <button
            type="button"
            onClick={() => retry()}
            className="h-10 rounded-md bg-primary px-4 font-medium text-primary-foreground text-sm hover:bg-primary/90 focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
