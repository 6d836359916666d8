"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { fetchJson } from "@/components/providers/fetch-json";
import { FormMessage } from "@/components/ui/form-message";

const CALLBACK = "__atelierTelegramAuth";

declare global {
  interface Window {
    [CALLBACK]?: (user: Record<string, unknown>) => void;
  }
}

/**
 * The Telegram Login Widget (the one third-party script we load, and only when a bot is
 * configured). The widget's signed user object goes to /api/auth/telegram, which signs in or,
 * for a signed-in user, links the Telegram account. Then go to `next`, or refresh in place.
 */
export function TelegramLogin({ botUsername, next }: { botUsername: string; next?: string }) {
  const container = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const host = container.current;
    if (!host) return;
    window[CALLBACK] = async (user) => {
      setError(null);
      setPending(true);
      try {
        await fetchJson("/api/auth/telegram", { method: "POST", json: user });
        if (next) window.location.assign(next);
        else {
          router.refresh();
          setPending(false);
        }
      } catch (cause) {
        setError(cause instanceof Error ? cause.message : "Telegram sign-in failed. Try again.");
        setPending(false);
      }
    };
    const script = document.createElement("script");
    script.src = "https://telegram.org/js/telegram-widget.js?22";
    script.async = true;
    script.dataset.telegramLogin = botUsername;
    script.dataset.size = "large";
    script.dataset.radius = "8";
    script.dataset.onauth = `${CALLBACK}(user)`;
    script.onerror = () => setError("The Telegram button could not load. Check your connection and reload.");
    host.replaceChildren(script);
    return () => {
      host.replaceChildren();
      delete window[CALLBACK];
    };
  }, [botUsername, next, router]);

  return (
    <div className="flex flex-col items-center gap-2">
      <div ref={container} className="flex min-h-10 justify-center" aria-busy={pending} />
      {pending ? <p className="text-muted-foreground text-sm">Checking with Telegram…</p> : null}
      {error ? <FormMessage>{error}</FormMessage> : null}
    </div>
  );
}
