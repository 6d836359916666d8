"use client";

import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { ThemeProvider } from "@/components/providers/theme-provider";
import { UserProvider } from "@/contexts/user-context";
import type { AuthUser } from "@/lib/auth/types";

/** Every client-side provider, in one place for the root layout. */
export function AppProviders({ user, children }: { user: AuthUser | null; children: ReactNode }) {
  return (
    <ThemeProvider>
      <QueryProvider>
        <UserProvider user={user}>{children}</UserProvider>
      </QueryProvider>
    </ThemeProvider>
  );
}
