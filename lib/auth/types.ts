export const ROLES = ["user", "admin", "super_admin"] as const;
export type Role = (typeof ROLES)[number];

export type AuthUser = {
  id: string;
  email: string | null;
  role: Role;
  credits: number;
  status: "active" | "banned";
  telegramId: string | null;
  displayName: string | null;
  /** The profile's generations change counter, read with the identity so a list poll needs no second query. */
  generationsVersion: string;
};

export function isAdminRole(role: Role): boolean {
  return role === "admin" || role === "super_admin";
}
