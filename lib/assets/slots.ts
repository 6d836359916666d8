// Which part a consumed asset plays in a generation, from the model input field it fills.
import type { ModelKind } from "@/lib/models/types";

export const INPUT_SLOTS = ["image", "mask", "reference", "first_frame", "last_frame"] as const;
export type InputSlot = (typeof INPUT_SLOTS)[number];

export function slotOf(param: string, kind: ModelKind, isList: boolean): InputSlot {
  if (param.includes("mask")) return "mask";
  if (param.startsWith("last_frame")) return "last_frame";
  if (kind === "video") return "first_frame";
  return isList ? "reference" : "image";
}
