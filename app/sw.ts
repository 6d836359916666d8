// The service worker (built by app/serwist/[path]/route.ts, served at /serwist/sw.js). It
// precaches the app shell (Next's hashed static files, the icons and the offline page) and
// answers a failed page navigation with the offline page. It never touches API responses or
// signed media URLs: nothing under /api/ (files, events, uploads included) and nothing from
// another origin (Supabase Storage) is matched, so those requests go to the network exactly as
// without a worker. Pages themselves are not cached either: they hold a person's own data.
import {
  CacheFirst,
  ExpirationPlugin,
  NetworkOnly,
  type PrecacheEntry,
  Serwist,
  StaleWhileRevalidate,
} from "serwist";

type WorkerScope = typeof globalThis & {
  __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  location: Location;
};
declare const self: WorkerScope;

const sameOrigin = (url: URL) => url.origin === self.location.origin;
const isApi = (url: URL) => url.pathname === "/api" || url.pathname.startsWith("/api/");
/** What the worker may handle at all: this origin, outside the API. */
const ours = (url: URL) => sameOrigin(url) && !isApi(url);

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      // Hashed build output never changes under its name.
      matcher: ({ url }) => ours(url) && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({
        cacheName: "next-static",
        plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 60 * 60 })],
      }),
    },
    {
      matcher: ({ url }) =>
        ours(url) && (url.pathname.startsWith("/icons/") || url.pathname === "/manifest.webmanifest"),
      handler: new StaleWhileRevalidate({ cacheName: "app-icons" }),
    },
    {
      matcher: ({ request, url }) => request.mode === "navigate" && ours(url),
      handler: new NetworkOnly(),
    },
  ],
  fallbacks: {
    entries: [{ url: "/offline.html", matcher: ({ request }) => request.mode === "navigate" }],
  },
});

serwist.addEventListeners();
