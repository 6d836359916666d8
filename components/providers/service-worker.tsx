"use client";

import { useEffect } from "react";

/**
 * Registers the service worker (app/sw.ts) once the page has loaded, in production builds only:
 * under `next dev` a worker would serve yesterday's code. Failing to register changes nothing
 * but installability and the offline page, so it is only logged.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    const register = () =>
      navigator.serviceWorker
        .register("/serwist/sw.js", { scope: "/" })
        .catch((error: unknown) => console.warn("service worker registration failed", error));
    if (document.readyState === "complete") void register();
    else window.addEventListener("load", () => void register(), { once: true });
  }, []);
  return null;
}
