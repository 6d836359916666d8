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

// What a provider says about a job that has not ended (generations.provider_status), in the
// order a job goes through them: waiting in its queue, booting the model, running. Only
// `processing` moves the generation itself from queued to processing.
export const PROVIDER_STATUSES = ["queued", "starting", "processing"] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

/** True for a provider report about a job still running (neither succeeded, failed nor canceled). */
export function isProviderRunning(status: string): status is ProviderStatus {
  return (PROVIDER_STATUSES as readonly string[]).includes(status);
}
