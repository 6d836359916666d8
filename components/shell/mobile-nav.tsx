"use client";

import { LogOutIcon, MenuIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { isActivePath, navItemsFor } from "@/components/shell/nav-items";
import { useSignOut } from "@/components/shell/use-sign-out";
import { userLabel } from "@/components/shell/user-label";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Separator } from "@/components/ui/separator";
import {
  Sheet,
  SheetClose,
  SheetContent,
  SheetDescription,
  SheetTitle,
  SheetTrigger,
} from "@/components/ui/sheet";
import { useUser } from "@/contexts/user-context";
import { plural } from "@/lib/plural";
import { cn } from "@/lib/utils";

/** The navigation drawer for small screens. */
export function MobileNav() {
  const pathname = usePathname();
  const user = useUser();
  const { signOut, pending } = useSignOut();
  const items = navItemsFor(user);
  if (items.length < 2) return null;
  return (
    <Sheet>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open menu">
          <MenuIcon className="size-5" />
        </Button>
      </SheetTrigger>
      <SheetContent>
        <SheetTitle>Menu</SheetTitle>
        <SheetDescription className="sr-only">Pages and account</SheetDescription>
        <nav aria-label="Mobile" className="flex flex-col gap-1">
          {items.map((item) => {
            const active = isActivePath(pathname, item.href);
            return (
              <SheetClose asChild key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "flex items-center gap-3 rounded-md px-3 py-3 font-medium text-sm outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/50",
                    active ? "bg-accent text-foreground" : "text-muted-foreground hover:bg-accent/60",
                  )}
                >
                  <item.icon className="size-5" aria-hidden />
                  {item.label}
                </Link>
              </SheetClose>
            );
          })}
        </nav>
        {user ? (
          <div className="mt-auto flex flex-col gap-3">
            <Separator />
            <div className="flex flex-col gap-1 px-1">
              <span className="truncate font-medium text-sm">{userLabel(user)}</span>
              <Badge variant="brand">{plural(user.credits, "credit")}</Badge>
            </div>
            <Button variant="outline" onClick={() => void signOut()} disabled={pending}>
              <LogOutIcon /> {pending ? "Signing out…" : "Sign out"}
            </Button>
          </div>
        ) : null}
      </SheetContent>
    </Sheet>
  );
}
