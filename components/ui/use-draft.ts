"use client";

import { type Dispatch, type SetStateAction, useState } from "react";

/**
 * What a field holds while it is edited: it starts from the saved value and starts again
 * whenever that value changes (a save, a poll, another tab), but not when the field first
 * appears. Copying the value in from an effect did that too, after the first paint, and wiped
 * whatever had been typed in between.
 */
export function useDraft<T>(saved: T): [T, Dispatch<SetStateAction<T>>] {
  const [draft, setDraft] = useState(saved);
  const [startedFrom, setStartedFrom] = useState(saved);
  if (!Object.is(startedFrom, saved)) {
    setStartedFrom(saved);
    setDraft(saved);
  }
  return [draft, setDraft];
}
