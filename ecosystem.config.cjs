// PM2 on a VPS: `npm install && npm run build && pm2 start ecosystem.config.cjs`.
// Env comes from the shell or .env (DATABASE_URL, SESSION_SECRET, CRON_SECRET, Supabase, providers).
module.exports = {
  apps: [
    {
      name: "atelier",
      script: "node_modules/.bin/next",
      args: "start",
      interpreter: "node_modules/.bin/node",
      cwd: __dirname,
      exec_mode: "fork",
      // Media work is bounded per process by the semaphore; these are the outer guard rails. The
      // small young generation and two malloc arenas are scripts/lib/server-memory.ts's settings.
      node_args: "--max-old-space-size=4096 --max-semi-space-size=4",
      max_memory_restart: "4G",
      kill_timeout: 10000,
      // Jobs run in the worker app below, so media work never competes with requests here.
      env: {
        NODE_ENV: "production",
        PORT: 3000,
        NEXT_TELEMETRY_DISABLED: "1",
        JOB_WORKER: "external",
        MALLOC_ARENA_MAX: "2",
      },
    },
    {
      // Background jobs: submits, webhook processing (media into storage), ended hooks. Start
      // more instances (or keep JOB_WORKER in-process above) to share the queue; a job runs once.
      name: "atelier-worker",
      script: "node_modules/.bin/tsx",
      args: "--conditions=react-server scripts/worker.ts",
      interpreter: "node_modules/.bin/node",
      cwd: __dirname,
      node_args: "--max-old-space-size=4096 --max-semi-space-size=4",
      max_memory_restart: "4G",
      // Long enough for a running job to finish; one cut short runs again elsewhere.
      kill_timeout: 30000,
      env: { NODE_ENV: "production", MALLOC_ARENA_MAX: "2" },
    },
    {
      // Finishes jobs whose webhook never came (Vercel Cron does this on Vercel).
      name: "atelier-reconciler",
      script: "node_modules/.bin/tsx",
      args: "scripts/reconcile.ts",
      interpreter: "node_modules/.bin/node",
      cwd: __dirname,
      env: { PORT: 3000 },
    },
  ],
};
