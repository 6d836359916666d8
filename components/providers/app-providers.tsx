"use client";

import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { ThemeProvider } from "@/components/providers/theme-provider";
import { LiveProvider } from "@/contexts/live-context";
import { UserProvider } from "@/contexts/user-context";
import type { AuthUser } from "@/lib/auth/types";
import type { LiveConfig } from "@/lib/live/types";

/** Every client-side provider, in one place for the root layout. */
export function AppProviders({
  user,
  live,
  children,
}: {
  user: AuthUser | null;
  live: LiveConfig;
  children: ReactNode;
}) {
  return (
    <ThemeProvider>
      <QueryProvider>
        <UserProvider user={user}>
          <LiveProvider config={live}>{children}</LiveProvider>
        </UserProvider>
      </QueryProvider>
    </ThemeProvider>
  );
}
