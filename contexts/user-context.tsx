"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useMemo } from "react";
import { type AuthUser, isAdminRole } from "@/lib/auth/types";
import { fetchMe, meKey } from "./me-query";

// The signed-in user for client components. The root layout seeds it from getAuthUser() on
// every server render; the balance then lives in React Query (meKey), so a live event or an
// invalidation updates it in place, and a server render (router.refresh()) reseeds it.
const UserContext = createContext<AuthUser | null>(null);

export function UserProvider({ user, children }: { user: AuthUser | null; children: ReactNode }) {
  const client = useQueryClient();
  const me = useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => fetchMe(signal),
    enabled: user !== null,
    initialData: user ? { credits: user.credits } : undefined,
    // Fresh until told otherwise: live events and server renders keep it current.
    staleTime: Number.POSITIVE_INFINITY,
  });
  useEffect(() => {
    if (user) client.setQueryData(meKey, { credits: user.credits });
  }, [client, user]);
  const credits = me.data?.credits;
  const value = useMemo(
    () => (user && credits !== undefined && credits !== user.credits ? { ...user, credits } : user),
    [user, credits],
  );
  return <UserContext value={value}>{children}</UserContext>;
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
