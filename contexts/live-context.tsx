"use client";

import { createContext, type ReactNode, useContext } from "react";
import { useLiveUpdates } from "@/components/live/use-live-updates";
import type { LiveConfig } from "@/lib/live/types";
import { useUser } from "./user-context";

// Whether the live channel is up for this tab; polling slows down while it is.
const LiveContext = createContext(false);

export function LiveProvider({ config, children }: { config: LiveConfig; children: ReactNode }) {
  const user = useUser();
  const connected = useLiveUpdates(user?.id ?? null, config);
  return <LiveContext value={connected}>{children}</LiveContext>;
}

/** True while live events arrive; polling is then only the safety net. */
export function useLiveConnected(): boolean {
  return useContext(LiveContext);
}
