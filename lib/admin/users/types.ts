import type { Role } from "@/lib/auth/types";

/** A profile as the admin console shows it. */
export type AdminUser = {
  id: string;
  email: string | null;
  telegram_id: string | null;
  display_name: string | null;
  role: Role;
  status: "active" | "banned";
  credits: number;
  created_at: Date;
  last_activity_at: Date | null;
  generation_count: number;
  /** Bytes of every file the user keeps (lib/gallery/storage-usage.ts). */
  storage_bytes: number;
};

export type LedgerEntry = {
  id: string;
  generation_id: string | null;
  delta: number;
  reason:
    | "grant"
    | "charge"
    | "refund"
    | "admin_adjust"
    | "admin_refund"
    | "flow_reserve"
    | "flow_settle"
    | "flow_release";
  note: string | null;
  actor_email: string | null;
  created_at: Date;
};

export type UserUsage = {
  by_status: Record<string, number>;
  /** Credits charged for generations, refunds (automatic and admin) and the net of the two. */
  charged: number;
  refunded: number;
  net_spent: number;
  last_generation_at: Date | null;
  last_sign_in_at: Date | null;
};

export type UserDetail = { user: AdminUser; usage: UserUsage; ledger: LedgerEntry[] };
