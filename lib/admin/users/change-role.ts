import "server-only";
// Role changes: super admins only, never one's own role (so the last super admin cannot
// lock everyone out by accident). A super admin may grant any role, super_admin included.
import { type Actor, assertSuperAdmin } from "@/lib/admin/actor";
import { recordAudit } from "@/lib/audit";
import type { Role } from "@/lib/auth/types";
import { sql } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { type LockedUser, lockUser } from "./lock-user";

export async function changeUserRole(actor: Actor, userId: string, role: Role): Promise<LockedUser> {
  assertSuperAdmin(actor);
  if (userId === actor.id) throw new AppError("forbidden", "You cannot change your own role.");
  return sql.begin(async (tx) => {
    const user = await lockUser(tx, userId);
    if (user.role === role) return user;
    await tx`update profiles set role = ${role}, updated_at = now() where id = ${userId}`;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.role.change",
      targetType: "user",
      targetId: userId,
      before: { role: user.role },
      after: { role },
    });
    return { ...user, role };
  });
}
