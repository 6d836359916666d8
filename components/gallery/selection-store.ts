"use client";

// Which gallery items are selected: a click toggles one, a shift-click selects the range from
// the last one clicked, "select all matching" replaces the set with every id the filter matches.
import { create } from "zustand";

type SelectionState = {
  ids: Set<string>;
  anchor: string | null;
  toggle: (id: string) => void;
  selectRange: (id: string, order: readonly string[]) => void;
  replace: (ids: Iterable<string>) => void;
  clear: () => void;
};

export const useSelection = create<SelectionState>((set, get) => ({
  ids: new Set(),
  anchor: null,
  toggle: (id) => {
    const ids = new Set(get().ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    set({ ids, anchor: id });
  },
  selectRange: (id, order) => {
    const { anchor } = get();
    const from = anchor ? order.indexOf(anchor) : -1;
    const to = order.indexOf(id);
    if (from < 0 || to < 0) return get().toggle(id);
    const ids = new Set(get().ids);
    for (const each of order.slice(Math.min(from, to), Math.max(from, to) + 1)) ids.add(each);
    set({ ids, anchor: id });
  },
  replace: (ids) => set({ ids: new Set(ids), anchor: null }),
  clear: () => set({ ids: new Set(), anchor: null }),
}));
