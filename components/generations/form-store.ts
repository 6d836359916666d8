"use client";

// Create-form state: the chosen model per page and the values typed for each model, so
// switching models and back (or leaving the page and returning) keeps what was entered.
import { create } from "zustand";

export type FormValues = Record<string, unknown>;

type FormStore = {
  /** Selected model id per picker scope ("all" on /create, "video" on /video). */
  selected: Record<string, string>;
  /** Values the person changed, per model id; defaults fill the rest. */
  values: Record<string, FormValues>;
  select: (scope: string, modelId: string) => void;
  setValue: (modelId: string, name: string, value: unknown) => void;
};

export const useFormStore = create<FormStore>((set) => ({
  selected: {},
  values: {},
  select: (scope, modelId) => set((state) => ({ selected: { ...state.selected, [scope]: modelId } })),
  setValue: (modelId, name, value) =>
    set((state) => ({
      values: { ...state.values, [modelId]: { ...state.values[modelId], [name]: value } },
    })),
}));
