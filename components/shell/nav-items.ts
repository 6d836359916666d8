// The app's navigation in one list: header, mobile drawer and the signed-in home page read it.
// Add a page by adding an entry here, once the page exists.
import {
  BookOpenIcon,
  ClapperboardIcon,
  FolderTreeIcon,
  HistoryIcon,
  HomeIcon,
  type LucideIcon,
  ShieldIcon,
  SparklesIcon,
  UserRoundIcon,
  WorkflowIcon,
} from "lucide-react";
import { type AuthUser, isAdminRole } from "@/lib/auth/types";

export type NavAccess = "public" | "user" | "admin";

export type NavItem = {
  href: string;
  label: string;
  /** One line for the home page's "what you can do" cards. */
  description: string;
  icon: LucideIcon;
  /** public: everyone; user: signed in; admin: admin or super_admin. */
  access: NavAccess;
};

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Home", description: "Start here.", icon: HomeIcon, access: "public" },
  {
    href: "/create",
    label: "Create",
    description: "Pick a model and generate images or video from a prompt or your own images.",
    icon: SparklesIcon,
    access: "user",
  },
  {
    href: "/video",
    label: "Video",
    description: "Turn a prompt or a still image into a short clip.",
    icon: ClapperboardIcon,
    access: "user",
  },
  {
    href: "/flows",
    label: "Flows",
    description: "Chain generations in a node editor; only what changed runs again.",
    icon: WorkflowIcon,
    access: "user",
  },
  {
    href: "/workspaces",
    label: "Workspaces",
    description: "Sessions of work, each a tree of generations you can iterate from at any step.",
    icon: FolderTreeIcon,
    access: "user",
  },
  {
    href: "/history",
    label: "History",
    description: "Everything you have made, with filters. Open any result to reuse it.",
    icon: HistoryIcon,
    access: "user",
  },
  {
    href: "/docs",
    label: "Docs",
    description: "How things work: models and prices, credits, flows, the API and self-hosting.",
    icon: BookOpenIcon,
    access: "public",
  },
  {
    href: "/profile",
    label: "Profile",
    description: "Your email, Telegram link, role and credit balance.",
    icon: UserRoundIcon,
    access: "user",
  },
  {
    href: "/admin",
    label: "Admin",
    description: "Users, roles, credits and the model catalog.",
    icon: ShieldIcon,
    access: "admin",
  },
];

export function canSee(item: NavItem, user: Pick<AuthUser, "role"> | null): boolean {
  if (item.access === "public") return true;
  if (!user) return false;
  return item.access === "user" || isAdminRole(user.role);
}

export function navItemsFor(user: Pick<AuthUser, "role"> | null): NavItem[] {
  return NAV_ITEMS.filter((item) => canSee(item, user));
}

export function isActivePath(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}
