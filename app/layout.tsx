import "./globals.css";
import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { AppProviders } from "@/components/providers/app-providers";
import { ServiceWorkerRegistration } from "@/components/providers/service-worker";
import { ThemeScript } from "@/components/providers/theme-script";
import { SiteFooter } from "@/components/shell/site-footer";
import { SiteHeader } from "@/components/shell/site-header";
import { getAuthUser } from "@/lib/auth";
import { geistMono, geistSans } from "@/lib/fonts";
import { liveConfig } from "@/lib/live/mode";

export const metadata: Metadata = {
  title: { default: "Atelier", template: "%s · Atelier" },
  description:
    "Generate images and video with models from Replicate, fal.ai and Google, and keep everything you make.",
  applicationName: "Atelier",
  // The brand mark inline (it needs no request and never 404s), and the installed app's icons
  // (public/icons, made by scripts/make-icons.ts; the manifest is app/manifest.ts).
  icons: {
    icon: [
      {
        url: `data:image/svg+xml,${encodeURIComponent(
          '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#e2531f"/><path d="M10 24l6-16 6 16M12.3 18h7.4" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>',
        )}`,
      },
      { url: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
    ],
    apple: { url: "/icons/apple-touch-icon.png", sizes: "180x180" },
  },
  appleWebApp: { capable: true, title: "Atelier", statusBarStyle: "default" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  viewportFit: "cover",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fcfcfa" },
    { media: "(prefers-color-scheme: dark)", color: "#131317" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getAuthUser();
  // Set by middleware.ts with the page's CSP.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning className={`${geistSans.variable} ${geistMono.variable}`}>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body className="flex min-h-dvh flex-col">
        <AppProviders user={user} live={liveConfig()}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:shadow"
          >
            Skip to content
          </a>
          <SiteHeader user={user} />
          <main id="main" className="flex flex-1 flex-col">
            {children}
          </main>
          <SiteFooter />
          <ServiceWorkerRegistration />
        </AppProviders>
      </body>
    </html>
  );
}
