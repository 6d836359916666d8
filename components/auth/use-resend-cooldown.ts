"use client";

import { useEffect, useState } from "react";

/** Seconds until "Resend code" is offered again; the server rate-limits regardless. */
export function useResendCooldown(seconds = 30) {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (until <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1000, until - now));
    return () => clearTimeout(timer);
  }, [until, now]);

  return {
    seconds: Math.max(0, Math.ceil((until - now) / 1000)),
    start: () => {
      const started = Date.now();
      setNow(started);
      setUntil(started + seconds * 1000);
    },
  };
}
