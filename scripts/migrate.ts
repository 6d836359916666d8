// npm run db:migrate — applies pending migrations to DATABASE_URL (or the embedded database).
import postgres from "postgres";
import { migrate } from "../lib/db/migrate";
import { loadDotEnv } from "./lib/dotenv";

loadDotEnv();
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. `npm run dev` migrates the embedded database by itself.");
  process.exit(1);
}
const sql = postgres(url, { max: 1, prepare: false, onnotice: () => {} });
try {
  const applied = await migrate(sql);
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s):\n  ${applied.join("\n  ")}`
      : "Database is up to date.",
  );
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await sql.end();
}
