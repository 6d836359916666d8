import { Badge } from "@/components/ui/badge";
import type { Role } from "@/lib/auth/types";

const STATUS_VARIANT = {
  queued: "secondary",
  processing: "brand",
  completed: "success",
  failed: "destructive",
  canceled: "outline",
} as const;

export function GenerationStatusBadge({ status }: { status: string }) {
  const variant = STATUS_VARIANT[status as keyof typeof STATUS_VARIANT] ?? "outline";
  return <Badge variant={variant}>{status}</Badge>;
}

export const ROLE_LABELS: Record<Role, string> = { user: "User", admin: "Admin", super_admin: "Super admin" };

export function RoleBadge({ role }: { role: Role }) {
  return <Badge variant={role === "user" ? "secondary" : "brand"}>{ROLE_LABELS[role]}</Badge>;
}

export function UserStatusBadge({ status }: { status: "active" | "banned" }) {
  return (
    <Badge variant={status === "active" ? "success" : "destructive"}>
      {status === "active" ? "Active" : "Banned"}
    </Badge>
  );
}
