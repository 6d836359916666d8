"use client";

// Create-form state: the chosen model per page and one set of values across models, so the
// prompt (and aspect ratio, count and seed) stays when the model changes. Kept in the tab's
// sessionStorage, so a reload keeps the form while another tab keeps its own.
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import type { LiteModel } from "@/lib/models-lite";
import { carryOver } from "./form-values";

export type FormValues = Record<string, unknown>;

type FormStore = {
  /** Selected model id per picker scope ("all" on /create, "video" on /video). */
  selected: Record<string, string>;
  /** Values the person set, by field name; each model's defaults fill the rest. */
  values: FormValues;
  select: (scope: string, model: LiteModel) => void;
  setValue: (name: string, value: unknown) => void;
};

export const FORM_STORAGE_KEY = "atelier-create-form";

export const useFormStore = create<FormStore>()(
  persist(
    (set) => ({
      selected: {},
      values: {},
      select: (scope, model) =>
        set((state) => ({
          selected: { ...state.selected, [scope]: model.id },
          values: carryOver(state.values, model),
        })),
      setValue: (name, value) => set((state) => ({ values: { ...state.values, [name]: value } })),
    }),
    {
      name: FORM_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => sessionStorage),
      partialize: ({ selected, values }) => ({ selected, values }),
    },
  ),
);
