// Local sign-in mails a code to prove an address. In production a server whose mail only
// lands in the outbox table could never deliver it, and the dev mailbox that shows the outbox
// exists only under `next dev`, so such a server refuses to start (instrumentation.ts and
// scripts/start.ts) rather than run with a sign-in nobody can complete.
import type { RuntimeMode } from "@/lib/env";

export const MAIL_DELIVERY_REQUIRED =
  "Local sign-in mails sign-in codes, and this production server has no way to deliver mail. " +
  "Set SMTP_URL (smtp://user:pass@host:587) or RESEND_API_KEY, or use Supabase Auth " +
  "(NEXT_PUBLIC_SUPABASE_URL, NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY, SUPABASE_SECRET_KEY). See .env.example.";

/** The reason a production server with this mode cannot serve sign-in, or null when it can. */
export function mailDeliveryProblem(mode: Pick<RuntimeMode, "auth" | "email">): string | null {
  return mode.auth === "local" && mode.email === "mailbox" ? MAIL_DELIVERY_REQUIRED : null;
}

/**
 * Stops the process when it cannot serve sign-in. Throwing from register() is not enough:
 * Next 16 logs "Failed to prepare server" and goes on answering every request with a 500.
 */
export function exitUnlessMailDeliverable(mode: Pick<RuntimeMode, "auth" | "email">): void {
  const problem = mailDeliveryProblem(mode);
  if (!problem) return;
  console.error(`[atelier] ${problem}`);
  process.exit(1);
}
