import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UserDetailPanel } from "@/components/admin/users/user-detail-panel";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { isUuid } from "@/lib/admin/params";

export const metadata: Metadata = { title: "User" };

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireAdminPage(`/admin/users/${id}`);
  if (!isUuid(id)) notFound();
  return (
    <UserDetailPanel
      userId={id.toLowerCase()}
      viewer={{ id: viewer.id, superAdmin: viewer.role === "super_admin" }}
    />
  );
}
