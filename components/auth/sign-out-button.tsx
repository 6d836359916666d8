"use client";

import { LogOutIcon } from "lucide-react";
import { useSignOut } from "@/components/shell/use-sign-out";
import { Button, type ButtonProps } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

export function SignOutButton(props: Omit<ButtonProps, "onClick">) {
  const { signOut, pending, error } = useSignOut();
  return (
    <div className="flex flex-col items-stretch gap-2 sm:items-start">
      <Button variant="outline" disabled={pending} onClick={() => void signOut()} {...props}>
        <LogOutIcon /> {pending ? "Signing out…" : "Sign out"}
      </Button>
      {error ? <FormMessage>{error}</FormMessage> : null}
    </div>
  );
}
