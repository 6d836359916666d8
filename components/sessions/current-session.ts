"use client";

// The session the create page and its tools work in, kept per browser. None chosen: the next
// generation starts a session (titled from its prompt) and that session becomes the current one.
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

type CurrentSession = {
  id: string | null;
  /** Whose session it is, so another account signing in on this browser does not inherit it. */
  owner: string | null;
  choose: (id: string | null, owner: string | null) => void;
};

export const useCurrentSession = create<CurrentSession>()(
  persist(
    (set) => ({
      id: null,
      owner: null,
      choose: (id, owner) => set({ id, owner }),
    }),
    { name: "atelier.current-session", storage: createJSONStorage(() => localStorage) },
  ),
);
