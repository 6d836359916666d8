// npm run admin:grant -- <email> <user|admin|super_admin>
// Changes a role from the shell (the first super_admin has to come from somewhere).
// Runs with the react-server condition so the server-only guard in lib/ allows it.
import { loadDotEnv } from "./lib/dotenv";

loadDotEnv();
const [email, role] = process.argv.slice(2);
const { ROLES } = await import("../lib/auth/types");
if (!email || !role || !(ROLES as readonly string[]).includes(role)) {
  console.error(`Usage: npm run admin:grant -- <email> <${ROLES.join("|")}>`);
  process.exit(2);
}
const { setRole } = await import("../lib/db/profiles");
const { sql } = await import("../lib/db/client");
try {
  const user = await setRole(email, role as (typeof ROLES)[number]);
  if (!user) {
    console.error(`No profile with email ${email}. The person has to sign in once first.`);
    process.exitCode = 1;
  } else {
    console.log(`${user.email} is now ${user.role}.`);
  }
} catch (error) {
  // Without DATABASE_URL this is the embedded database, which runs while `npm run dev` does.
  console.error(`Could not change the role: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await sql.end();
}
