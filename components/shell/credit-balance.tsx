"use client";

import { Badge } from "@/components/ui/badge";
import { useUser } from "@/contexts/user-context";

/** The header's balance: client-side, so a grant or a charge shows without a reload. */
export function CreditBalance() {
  const user = useUser();
  if (!user) return null;
  return (
    <Badge variant="secondary" className="hidden sm:inline-flex" title="Your credit balance">
      {user.credits.toLocaleString("en-US")} credits
    </Badge>
  );
}
