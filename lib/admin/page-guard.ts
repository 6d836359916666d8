import "server-only";
// Every admin page calls this before rendering anything. Middleware already keeps non-admins
// out of /admin, but its role comes from a cookie cached for minutes and layouts are not
// re-run on client navigation, so each page checks the database-backed user itself.
import { redirect } from "next/navigation";
import { getAuthUser } from "@/lib/auth";
import { type AuthUser, isAdminRole } from "@/lib/auth/types";

export async function requireAdminPage(path: string): Promise<AuthUser> {
  const user = await getAuthUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (!isAdminRole(user.role)) redirect("/");
  return user;
}
