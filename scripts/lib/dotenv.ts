import { existsSync } from "node:fs";

// Scripts read the same .env files Next reads, without overriding what the shell set.
export function loadDotEnv(): void {
  for (const file of [".env.local", ".env"]) {
    if (existsSync(file)) process.loadEnvFile(file);
  }
}
