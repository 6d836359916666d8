// The admin console's sections, in nav order. Keys is for super admins only.
import {
  BoxesIcon,
  ChartColumnIcon,
  ImagesIcon,
  KeyRoundIcon,
  ListChecksIcon,
  type LucideIcon,
  ScrollTextIcon,
  SettingsIcon,
  UsersRoundIcon,
} from "lucide-react";

export type AdminSection = { href: string; label: string; icon: LucideIcon; superAdminOnly?: boolean };

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { href: "/admin/users", label: "Users", icon: UsersRoundIcon },
  { href: "/admin/generations", label: "Generations", icon: ImagesIcon },
  { href: "/admin/jobs", label: "Jobs", icon: ListChecksIcon },
  { href: "/admin/models", label: "Models", icon: BoxesIcon },
  { href: "/admin/keys", label: "Keys", icon: KeyRoundIcon, superAdminOnly: true },
  { href: "/admin/usage", label: "Usage", icon: ChartColumnIcon },
  { href: "/admin/settings", label: "Settings", icon: SettingsIcon },
  { href: "/admin/audit", label: "Audit", icon: ScrollTextIcon },
];
