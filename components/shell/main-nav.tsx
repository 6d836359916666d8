"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isActivePath, navItemsFor } from "@/components/shell/nav-items";
import { useUser } from "@/contexts/user-context";
import { cn } from "@/lib/utils";

/** Desktop navigation; hidden on small screens where the mobile drawer takes over. */
export function MainNav() {
  const pathname = usePathname();
  const items = navItemsFor(useUser());
  if (items.length < 2) return null;
  return (
    <nav aria-label="Main" className="hidden items-center gap-1 md:flex">
      {items.map((item) => {
        const active = isActivePath(pathname, item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-2 font-medium text-sm outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/50",
              active ? "bg-accent text-foreground" : "text-muted-foreground hover:text-foreground",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
