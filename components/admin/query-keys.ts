// React Query keys for the admin console, so a mutation can invalidate exactly what it changed.
export const adminKeys = {
  all: ["admin"] as const,
  users: (q: string, page: number) => ["admin", "users", q, page] as const,
  usersAll: ["admin", "users"] as const,
  user: (id: string) => ["admin", "user", id] as const,
  generations: (filter: Record<string, string>) => ["admin", "generations", filter] as const,
  generation: (id: string) => ["admin", "generation", id] as const,
  models: ["admin", "models"] as const,
  keys: ["admin", "keys"] as const,
  usage: (days: number) => ["admin", "usage", days] as const,
  settings: ["admin", "settings"] as const,
  jobs: (state: string) => ["admin", "jobs", state] as const,
  audit: (page: number, action: string) => ["admin", "audit", page, action] as const,
};
