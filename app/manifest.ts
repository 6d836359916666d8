import type { MetadataRoute } from "next";

// The web app manifest (/manifest.webmanifest; Next links it from every page): with the
// service worker (app/sw.ts) it makes Atelier installable as an app.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Atelier",
    short_name: "Atelier",
    description: "Generate images and video with models from Replicate, fal.ai and Google.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#fcfcfa",
    theme_color: "#fcfcfa",
    categories: ["photo", "productivity"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
    shortcuts: [
      { name: "Create", url: "/create" },
      { name: "History", url: "/history" },
    ],
  };
}
