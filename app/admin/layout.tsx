import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { PageContainer } from "@/components/shell/page-container";
import { requireAdminPage } from "@/lib/admin/page-guard";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Atelier" } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdminPage("/admin");
  return (
    <PageContainer className="flex flex-col gap-6 sm:py-8">
      <div className="flex flex-col gap-3">
        <p className="font-medium text-brand text-sm">Admin console</p>
        <AdminNav superAdmin={user.role === "super_admin"} />
      </div>
      {children}
    </PageContainer>
  );
}
