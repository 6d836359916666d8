// Tabs of one browser tell each other when a job was created in one of them, so the others
// refetch their list at once instead of at their next poll (up to 30 s away on an idle tab),
// whether or not a live channel runs here. Only a hint: each tab reads the list from the server.
const CHANNEL = "atelier:generations";

export function announceNewGeneration(): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage("created");
  channel.close();
}

/** Calls `listener` when another tab of this browser created a job; returns the unsubscribe. */
export function onNewGenerationElsewhere(listener: () => void): () => void {
  if (typeof BroadcastChannel === "undefined") return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => listener();
  return () => channel.close();
}
