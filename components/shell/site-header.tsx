import { NotificationBell } from "@/components/notifications/notification-bell";
import { Brand } from "@/components/shell/brand";
import { CreditBalance } from "@/components/shell/credit-balance";
import { MainNav } from "@/components/shell/main-nav";
import { MobileNav } from "@/components/shell/mobile-nav";
import { SignInLink } from "@/components/shell/sign-in-link";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { UserMenu } from "@/components/shell/user-menu";
import type { AuthUser } from "@/lib/auth/types";

export function SiteHeader({ user }: { user: AuthUser | null }) {
  // Nearly opaque, without a backdrop blur: a blur redraws what scrolls under the header on every
  // frame, which cost long lists a third of their frames where the browser composites in software.
  return (
    <header className="sticky top-0 z-40 border-b bg-background/95">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center gap-4 px-4 sm:px-6">
        <Brand />
        <MainNav />
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          {user ? <CreditBalance /> : null}
          <ThemeToggle />
          {user ? <NotificationBell /> : null}
          {user ? <UserMenu /> : <SignInLink />}
          <MobileNav />
        </div>
      </div>
    </header>
  );
}
