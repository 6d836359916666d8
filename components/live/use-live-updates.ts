"use client";

// The one hook behind live updates: opens the channel the server reports (server-sent events or
// Supabase Realtime) for the signed-in user and turns every event into cache updates, so what
// the user sees never depends on which channel brought it. Returns whether the channel is up,
// which polling uses to slow down (contexts/generations-context.tsx).
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { LiveConfig, LiveEvent } from "@/lib/live/types";
import { subscribeLiveChanges } from "@/lib/supabase/realtime-live";
import { applyCacheEffects, cacheEffectsOf } from "./cache-effects";
import { chooseChannel } from "./channel";
import { openSseChannel } from "./sse-channel";

export const EVENTS_URL = "/api/events";

export function useLiveUpdates(userId: string | null, config: LiveConfig): boolean {
  const client = useQueryClient();
  const [connected, setConnected] = useState(false);
  const { mode } = config;
  const supabaseUrl = config.supabase?.url;
  const supabaseKey = config.supabase?.key;

  useEffect(() => {
    const supabase = supabaseUrl && supabaseKey ? { url: supabaseUrl, key: supabaseKey } : null;
    const channel = chooseChannel(
      { mode, supabase },
      { signedIn: userId !== null, hasEventSource: typeof EventSource !== "undefined" },
    );
    if (channel === "none" || userId === null) return;
    const handlers = {
      onEvent: (event: LiveEvent) => applyCacheEffects(client, cacheEffectsOf(event)),
      onConnected: setConnected,
    };
    let close = () => {};
    let stopped = false;
    if (channel === "sse") close = openSseChannel(EVENTS_URL, handlers);
    else if (supabase)
      // Loaded only where Realtime is the channel, so other deployments never ship supabase-js.
      void import("@/lib/supabase/browser").then(({ createBrowserClient }) => {
        if (stopped) return;
        close = subscribeLiveChanges(createBrowserClient(supabase.url, supabase.key), userId, handlers);
      });
    return () => {
      stopped = true;
      close();
      setConnected(false);
    };
  }, [client, userId, mode, supabaseUrl, supabaseKey]);

  return connected;
}
