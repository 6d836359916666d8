"use client";

import { Badge } from "@/components/ui/badge";
import { useUser } from "@/contexts/user-context";

/** The header's balance: client-side, so a grant or a charge shows without a reload. */
export function CreditBalance() {
  const user = useUser();
  if (!user) return null;
  return (
    <Badge variant="secondary" title="Your credit balance" data-testid="header-balance">
      {user.credits.toLocaleString("en-US")}
      {/* On a phone the number alone fits; screen readers always hear the unit. */}
      <span className="max-sm:sr-only">{user.credits === 1 ? " credit" : " credits"}</span>
    </Badge>
  );
}
