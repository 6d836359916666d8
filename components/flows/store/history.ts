// Undo/redo as pure functions over snapshots of the graph. Snapshots share unchanged node and
// edge objects, so a hundred steps of a large graph cost little memory. Grouping keeps one
// gesture one step: a drag records once at its end, typing records once per word.
import type { Snapshot } from "./types";

export const HISTORY_LIMIT = 100;
/** A pause this long inside a field starts a new step even without a word boundary. */
export const TYPING_PAUSE_MS = 1500;

/** `key` names what is being edited (node and field); `closes` ends the step after this change. */
export type Group = { key: string; closes: boolean; at: number };
export type History = {
  past: Snapshot[];
  future: Snapshot[];
  open: { key: string; at: number } | null;
};

export const emptyHistory = (): History => ({ past: [], future: [], open: null });

/** Records `before` as an undo step, unless the change continues the open group. */
export function record(history: History, before: Snapshot, group?: Group): History {
  const continues =
    group !== undefined &&
    history.open !== null &&
    history.open.key === group.key &&
    group.at - history.open.at < TYPING_PAUSE_MS;
  const past = continues ? history.past : [...history.past, before].slice(-HISTORY_LIMIT);
  const open = group && !group.closes ? { key: group.key, at: group.at } : null;
  return { past, future: [], open };
}

/** Whether this edit of a text field ends a word: a space, line break or punctuation was typed. */
export function endsWord(before: string, after: string): boolean {
  if (after.length <= before.length) return false;
  return /[\s.,;:!?]$/.test(after);
}

export function undo(history: History, current: Snapshot): { history: History; snapshot: Snapshot } | null {
  const snapshot = history.past.at(-1);
  if (!snapshot) return null;
  return {
    snapshot,
    history: { past: history.past.slice(0, -1), future: [current, ...history.future], open: null },
  };
}

export function redo(history: History, current: Snapshot): { history: History; snapshot: Snapshot } | null {
  const snapshot = history.future[0];
  if (!snapshot) return null;
  return {
    snapshot,
    history: {
      past: [...history.past, current].slice(-HISTORY_LIMIT),
      future: history.future.slice(1),
      open: null,
    },
  };
}

/** Ends the open group, so the next edit of the same field is a step of its own. */
export const closeGroup = (history: History): History =>
  history.open ? { ...history, open: null } : history;
