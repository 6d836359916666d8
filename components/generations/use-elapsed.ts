"use client";

// Seconds since a job's run started, ticking once a second. One timer serves every tile on the
// page, so they all tick together. During the server render and hydration it is null (the
// server's clock is not the browser's): the time appears once the page is interactive.
import { useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(onTick: () => void): () => void {
  listeners.add(onTick);
  timer ??= setInterval(() => {
    for (const listener of listeners) listener();
  }, 1_000);
  return () => {
    listeners.delete(onTick);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const nowSecond = () => Math.floor(Date.now() / 1000);
const noSecond = () => null;
const never = () => () => {};

/** Whole seconds since `startedAt` (never negative, whatever the clocks say); null until known. */
export function useElapsedSeconds(startedAt: string | null | undefined): number | null {
  const started = startedAt ? Date.parse(startedAt) : Number.NaN;
  const known = Number.isFinite(started);
  // Not subscribed without a start, so idle tiles cost no timer.
  const now = useSyncExternalStore(known ? subscribe : never, nowSecond, noSecond);
  if (!known || now === null) return null;
  return Math.max(0, now - Math.floor(started / 1000));
}

/** `0:07`, `12:34`, `1:02:03`. */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}
