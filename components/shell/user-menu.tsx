"use client";

import { LogOutIcon, ShieldIcon, UserRoundIcon } from "lucide-react";
import Link from "next/link";
import { useSignOut } from "@/components/shell/use-sign-out";
import { userLabel } from "@/components/shell/user-label";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useIsAdmin, useUser } from "@/contexts/user-context";
import { plural } from "@/lib/plural";

export function UserMenu() {
  const user = useUser();
  const isAdmin = useIsAdmin();
  const { signOut, pending } = useSignOut();
  if (!user) return null;
  const label = userLabel(user);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="rounded-full" aria-label="Account menu">
          <Avatar name={label} />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-64">
        <DropdownMenuLabel className="flex flex-col gap-1">
          <span className="truncate font-medium">{label}</span>
          {user.email && user.email !== label ? (
            <span className="truncate text-muted-foreground text-xs">{user.email}</span>
          ) : null}
          <Badge variant="brand" className="mt-1">
            {plural(user.credits, "credit")}
          </Badge>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/profile">
            <UserRoundIcon /> Profile
          </Link>
        </DropdownMenuItem>
        {isAdmin ? (
          <DropdownMenuItem asChild>
            <Link href="/admin">
              <ShieldIcon /> Admin
            </Link>
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuItem
          disabled={pending}
          onSelect={(event) => {
            event.preventDefault();
            void signOut();
          }}
        >
          <LogOutIcon /> {pending ? "Signing out…" : "Sign out"}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
