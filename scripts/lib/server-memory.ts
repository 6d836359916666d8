// Memory settings for every production server we start (`npm start`, the API tests, the
// benchmarks; ecosystem.config.cjs repeats them for PM2). Measured with `npm run bench:pipeline`
// (docs/benchmarks.md): together they take ≈ 90 MB off a 200-webhook burst's peak and ≈ 50 MB
// off the idle server.
// - A small V8 young generation: a burst of requests grows the default one to tens of megabytes
//   that stay resident afterwards, while what requests leave behind dies young either way.
// - Two glibc malloc arenas instead of eight per core: libvips, the media worker thread and the
//   libuv pool each fragment an arena of their own otherwise.
// Settings the environment already has win (NODE_OPTIONS is appended to, so its flags come last).
export const SERVER_NODE_OPTIONS = "--max-semi-space-size=4";
export const SERVER_MALLOC_ARENA_MAX = "2";

export function withServerMemorySettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX || SERVER_MALLOC_ARENA_MAX,
    NODE_OPTIONS: [SERVER_NODE_OPTIONS, env.NODE_OPTIONS].filter(Boolean).join(" "),
  };
}
