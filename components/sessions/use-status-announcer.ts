"use client";

import { useEffect, useRef, useState } from "react";
import { STATUS_LABELS } from "@/components/generations/status-chip";
import type { GenerationStatus } from "@/components/generations/types";

type Item = { id: string; status: GenerationStatus; prompt: string | null };

/**
 * A sentence for an aria-live region whenever a generation of the list changes status or a
 * new one appears ("Done: a red kite"), so people using a screen reader hear progress.
 */
export function useStatusAnnouncement(items: readonly Item[] | undefined): string {
  const previous = useRef<Map<string, GenerationStatus> | null>(null);
  const [message, setMessage] = useState("");
  useEffect(() => {
    if (!items) return;
    const before = previous.current;
    previous.current = new Map(items.map((item) => [item.id, item.status]));
    if (!before) return;
    const changed = items.filter((item) => before.get(item.id) !== item.status);
    if (changed.length === 0) return;
    setMessage(
      changed
        .map(
          (item) => `${before.has(item.id) ? STATUS_LABELS[item.status] : "Started"}: ${clip(item.prompt)}`,
        )
        .join(". "),
    );
  }, [items]);
  return message;
}

function clip(text: string | null): string {
  if (!text) return "untitled";
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
