import { createSerwistRoute } from "@serwist/turbopack";

// Builds the service worker (app/sw.ts) with esbuild at `next build` and serves it at
// /serwist/sw.js: Serwist's route-handler integration, as Turbopack takes no webpack plugins.
// The precache list is Serwist's default for Next: the hashed files under .next/static and
// everything in public/ (icons, the offline page), never a page or an API answer.
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  useNativeEsbuild: true,
  // A classic (non-module) worker: every browser that installs apps can run it.
  esbuildOptions: { format: "iife" },
});
