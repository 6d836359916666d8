import "server-only";
// The acting admin, passed to every admin domain function. Routes already check the role;
// these checks keep the rule true for any other caller (scripts, future routes).
import { type AuthUser, isAdminRole } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";

export type Actor = Pick<AuthUser, "id" | "role">;

export function assertAdmin(actor: Actor): void {
  if (!isAdminRole(actor.role)) throw new AppError("forbidden", "Admins only.");
}

export function assertSuperAdmin(actor: Actor): void {
  if (actor.role !== "super_admin") throw new AppError("forbidden", "Super admins only.");
}
