// PM2 on a VPS: `npm run build && pm2 start ecosystem.config.cjs`.
// Env comes from the shell or .env (DATABASE_URL, SESSION_SECRET, Supabase, providers).
module.exports = {
  apps: [
    {
      name: "atelier",
      script: "node_modules/.bin/next",
      args: "start",
      interpreter: "node_modules/.bin/node",
      cwd: __dirname,
      instances: 1,
      exec_mode: "fork",
      // Media work is bounded per process; these are the outer guard rails.
      node_args: "--max-old-space-size=4096",
      max_memory_restart: "4G",
      kill_timeout: 10000,
      env: { NODE_ENV: "production", PORT: 3000, NEXT_TELEMETRY_DISABLED: "1" },
    },
  ],
};
