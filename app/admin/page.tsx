import { redirect } from "next/navigation";
import { requireAdminPage } from "@/lib/admin/page-guard";

export default async function AdminIndexPage() {
  await requireAdminPage("/admin");
  redirect("/admin/users");
}
