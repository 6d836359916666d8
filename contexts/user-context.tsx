"use client";

import { createContext, type ReactNode, useContext } from "react";
import { type AuthUser, isAdminRole } from "@/lib/auth/types";

// The signed-in user for client components. The root layout seeds it from getAuthUser() on
// every server render, so `router.refresh()` is how a client picks up new credits or a role.
const UserContext = createContext<AuthUser | null>(null);

export function UserProvider({ user, children }: { user: AuthUser | null; children: ReactNode }) {
  return <UserContext value={user}>{children}</UserContext>;
}

/** The signed-in user, or null when signed out. */
export function useUser(): AuthUser | null {
  return useContext(UserContext);
}

/** For components that only render on protected pages. */
export function useRequiredUser(): AuthUser {
  const user = useContext(UserContext);
  if (!user) throw new Error("useRequiredUser needs a signed-in user (protected page).");
  return user;
}

export function useIsAdmin(): boolean {
  const user = useContext(UserContext);
  return user ? isAdminRole(user.role) : false;
}
