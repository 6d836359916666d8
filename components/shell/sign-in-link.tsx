"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Button } from "@/components/ui/button";

/** "Sign in" for signed-out visitors; comes back to the current page afterwards. */
export function SignInLink() {
  const pathname = usePathname();
  if (pathname === "/login") return null;
  const href = pathname === "/" ? "/login" : `/login?next=${encodeURIComponent(pathname)}`;
  return (
    <Button asChild size="sm">
      <Link href={href}>Sign in</Link>
    </Button>
  );
}
