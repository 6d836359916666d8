import "server-only";
// Ban and unban. A ban ends the user's local sessions in the same transaction, and
// getAuthUser refuses banned profiles, so the next request is signed out. Nobody bans
// themselves, and only a super admin may ban an admin.
import { type Actor, assertAdmin } from "@/lib/admin/actor";
import { recordAudit } from "@/lib/audit";
import { sql } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { type LockedUser, lockUser } from "./lock-user";

export type UserStatus = "active" | "banned";

export async function setUserStatus(actor: Actor, userId: string, status: UserStatus): Promise<LockedUser> {
  assertAdmin(actor);
  if (userId === actor.id) throw new AppError("forbidden", "You cannot ban or unban yourself.");
  return sql.begin(async (tx) => {
    const user = await lockUser(tx, userId);
    if (user.role !== "user" && actor.role !== "super_admin")
      throw new AppError("forbidden", "Only a super admin can ban or unban an admin.");
    if (user.status === status) return user;
    await tx`update profiles set status = ${status}, updated_at = now() where id = ${userId}`;
    let sessionsEnded = 0;
    if (status === "banned") {
      const ended = await tx`delete from sessions where user_id = ${userId} returning id`;
      sessionsEnded = ended.length;
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: status === "banned" ? "user.ban" : "user.unban",
      targetType: "user",
      targetId: userId,
      before: { status: user.status },
      after: status === "banned" ? { status, sessions_ended: sessionsEnded } : { status },
    });
    return { ...user, status };
  });
}
