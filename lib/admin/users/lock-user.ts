import "server-only";
import type { TransactionSql } from "postgres";
import type { Role } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";

export type LockedUser = {
  id: string;
  email: string | null;
  role: Role;
  status: "active" | "banned";
  credits: number;
};

/** Locks a profile row for the rest of the transaction, or answers 404. */
export async function lockUser(tx: TransactionSql, userId: string): Promise<LockedUser> {
  const [row] = await tx<LockedUser[]>`
    select id, email, role, status, credits from profiles where id = ${userId} for update`;
  if (!row) throw new AppError("not_found", "User not found.");
  return row;
}
