// The dev mailbox (/dev/mailbox and /api/dev/mailbox) shows every sign-in code in the outbox
// to anyone who asks, so it exists only under `next dev`, whatever the mode. Next inlines
// NODE_ENV into the build, so a production build can never turn it on.
export function devMailboxEnabled(): boolean {
  return process.env.NODE_ENV === "development";
}
