// Which live channel this browser opens, from the mode the server reports (LiveConfig) and what
// the browser can do. "none" leaves polling at its usual pace.
import type { LiveConfig } from "@/lib/live/types";

export type LiveChannel = "sse" | "realtime" | "none";

export function chooseChannel(
  config: LiveConfig,
  context: { signedIn: boolean; hasEventSource: boolean },
): LiveChannel {
  if (!context.signedIn) return "none";
  if (config.mode === "sse") return context.hasEventSource ? "sse" : "none";
  if (config.mode === "realtime") return config.supabase ? "realtime" : "none";
  return "none";
}
