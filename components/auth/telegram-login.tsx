"use client";

import { useEffect, useRef, useState } from "react";
import { rememberDestination } from "@/components/auth/remember-destination";
import { FormMessage } from "@/components/ui/form-message";

const WIDGET_SCRIPT = "https://telegram.org/js/telegram-widget.js?22";

/**
 * The Telegram Login Widget (the one third-party script we load, and only when a bot is
 * configured), in its redirect mode: after the user confirms, Telegram sends the browser to
 * /auth/telegram with the signed fields, which signs in or, for a signed-in user, links the
 * Telegram account, then goes to `next` (by default back to this page). The redirect mode needs
 * no callback compiled from a string, so the page's CSP stays free of 'unsafe-eval'. The server
 * is told the destination first; it also refuses a redirect that this page did not start.
 */
export function TelegramLogin({ botUsername, next }: { botUsername: string; next?: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const host = container.current;
    if (!host) return;
    let cancelled = false;
    const destination = next ?? `${window.location.pathname}${window.location.search}`;
    void rememberDestination(destination).then((remembered) => {
      if (cancelled) return;
      if (!remembered) {
        setError("Telegram sign-in is not available right now. Reload the page to try again.");
        return;
      }
      const script = document.createElement("script");
      script.src = WIDGET_SCRIPT;
      script.async = true;
      script.dataset.telegramLogin = botUsername;
      script.dataset.size = "large";
      script.dataset.radius = "8";
      script.dataset.authUrl = `${window.location.origin}/auth/telegram`;
      script.onerror = () =>
        setError("The Telegram button could not load. Check your connection and reload.");
      host.replaceChildren(script);
    });
    return () => {
      cancelled = true;
      host.replaceChildren();
    };
  }, [botUsername, next]);

  return (
    <div className="flex flex-col items-center gap-2">
      <div ref={container} className="flex min-h-10 justify-center" />
      {error ? <FormMessage>{error}</FormMessage> : null}
    </div>
  );
}
