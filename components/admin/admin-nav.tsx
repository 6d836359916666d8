"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isActivePath } from "@/components/shell/nav-items";
import { cn } from "@/lib/utils";
import { ADMIN_SECTIONS } from "./sections";

/** The console's section tabs; they scroll sideways on a phone rather than wrap. */
export function AdminNav({ superAdmin }: { superAdmin: boolean }) {
  const pathname = usePathname();
  const sections = ADMIN_SECTIONS.filter((s) => superAdmin || !s.superAdminOnly);
  return (
    <nav aria-label="Admin sections" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex w-max min-w-full gap-1 border-b">
        {sections.map((section) => {
          const active = isActivePath(pathname, section.href);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "-mb-px flex items-center gap-2 border-b-2 px-3 py-2.5 font-medium text-sm outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/50",
                  active
                    ? "border-brand text-foreground"
                    : "border-transparent text-muted-foreground hover:text-foreground",
                )}
              >
                <section.icon aria-hidden className="size-4" />
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
