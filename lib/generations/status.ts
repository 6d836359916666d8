// A generation's states and which of them are still running, shared by server and browser
// (no server-only import). The lifecycle (lib/generations/lifecycle.ts) is the only code that
// moves a row between them.
//
//   queued ──► processing ──► completed
//      │            │
//      └────────────┴──────► failed | canceled     (a time-out ends as failed)
export const ACTIVE_STATUSES = ["queued", "processing"] as const;
export const TERMINAL_STATUSES = ["completed", "failed", "canceled"] as const;
export const GENERATION_STATUSES = [...ACTIVE_STATUSES, ...TERMINAL_STATUSES] as const;

export type ActiveStatus = (typeof ACTIVE_STATUSES)[number];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];
export type GenerationStatus = ActiveStatus | TerminalStatus;

export function isActive(status: string): status is ActiveStatus {
  return (ACTIVE_STATUSES as readonly string[]).includes(status);
}

export function isTerminal(status: string): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}
