import type { Metadata } from "next";
import { AdminHeader } from "@/components/admin/admin-header";
import { KeysPanel } from "@/components/admin/keys/keys-panel";
import { FormMessage } from "@/components/ui/form-message";
import { requireAdminPage } from "@/lib/admin/page-guard";

export const metadata: Metadata = { title: "Keys" };

export default async function AdminKeysPage() {
  const user = await requireAdminPage("/admin/keys");
  if (user.role !== "super_admin")
    return (
      <div className="flex flex-col gap-5">
        <AdminHeader title="Provider keys" />
        <FormMessage tone="info">Only super admins can see and manage provider keys.</FormMessage>
      </div>
    );
  return <KeysPanel />;
}
