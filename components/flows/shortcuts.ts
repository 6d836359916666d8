// The editor's keyboard shortcuts: one list for the key handler and the help popover, so the
// help can never describe a key that does nothing.
export type ShortcutAction =
  | "undo"
  | "redo"
  | "copy"
  | "paste"
  | "duplicate"
  | "delete"
  | "selectAll"
  | "deselect"
  | "layout"
  | "fit"
  | "run"
  | "save"
  | "help";

export type Shortcut = { action: ShortcutAction; keys: string[]; label: string };

export const SHORTCUTS: readonly Shortcut[] = [
  { action: "run", keys: ["Mod", "Enter"], label: "Run the flow" },
  { action: "undo", keys: ["Mod", "Z"], label: "Undo" },
  { action: "redo", keys: ["Mod", "Shift", "Z"], label: "Redo (also Mod Y)" },
  { action: "copy", keys: ["Mod", "C"], label: "Copy selected nodes" },
  { action: "paste", keys: ["Mod", "V"], label: "Paste" },
  { action: "duplicate", keys: ["Mod", "D"], label: "Duplicate selected nodes" },
  { action: "delete", keys: ["Delete"], label: "Delete selection (also Backspace)" },
  { action: "selectAll", keys: ["Mod", "A"], label: "Select everything" },
  { action: "deselect", keys: ["Esc"], label: "Clear the selection" },
  { action: "layout", keys: ["Shift", "L"], label: "Tidy up (auto-layout)" },
  { action: "fit", keys: ["Shift", "F"], label: "Fit the flow in view" },
  { action: "save", keys: ["Mod", "S"], label: "Save now" },
  { action: "help", keys: ["?"], label: "Show these shortcuts" },
];

/** Gestures that are not keys, listed in the same popover. */
export const GESTURES: readonly { keys: string[]; label: string }[] = [
  { keys: ["Shift", "Drag"], label: "Box select" },
  { keys: ["Mod", "Click"], label: "Add to the selection" },
  { keys: ["Arrows"], label: "Move selected nodes" },
  { keys: ["Drag", "handle"], label: "Connect an output to an input" },
];

type KeyLike = Pick<KeyboardEvent, "key" | "metaKey" | "ctrlKey" | "shiftKey" | "altKey">;

/** The action a key press asks for, or null. `Mod` is Cmd on a Mac and Ctrl elsewhere. */
export function shortcutOf(event: KeyLike): ShortcutAction | null {
  const mod = event.metaKey || event.ctrlKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (event.altKey) return null;
  if (mod) {
    if (key === "z") return event.shiftKey ? "redo" : "undo";
    if (key === "y") return "redo";
    if (key === "c") return "copy";
    if (key === "v") return "paste";
    if (key === "d") return "duplicate";
    if (key === "a") return "selectAll";
    if (key === "s") return "save";
    if (key === "Enter") return "run";
    return null;
  }
  if (key === "Delete" || key === "Backspace") return "delete";
  if (key === "Escape") return "deselect";
  if (event.shiftKey && key === "l") return "layout";
  if (event.shiftKey && key === "f") return "fit";
  if (key === "?") return "help";
  return null;
}

/** Whether the key press belongs to a text field (typing must never trigger editor shortcuts). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (target as HTMLInputElement).type;
  return !["checkbox", "radio", "button", "submit", "range", "file"].includes(type);
}
