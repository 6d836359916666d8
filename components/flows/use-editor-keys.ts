"use client";

import { useReactFlow } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { isTyping, type ShortcutAction, shortcutOf } from "./shortcuts";
import { useFlowStoreApi } from "./store/flow-store-context";

/** Actions that also work from inside a text field. */
const WHILE_TYPING: ReadonlySet<ShortcutAction> = new Set(["run", "save"]);

/** The editor's keyboard shortcuts (shortcuts.ts), for the whole page while the editor is open. */
export function useEditorKeys(handlers: {
  run: () => void;
  save: () => void;
  layout: () => void;
  help: () => void;
}) {
  const store = useFlowStoreApi();
  const flow = useReactFlow();
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutOf(event);
      if (!action || event.repeat) return;
      const target = event.target as HTMLElement | null;
      // Dialogs and popovers keep their keys; fields keep theirs, except Run and Save.
      if (target?.closest?.('[role="dialog"], [role="menu"], [data-radix-popper-content-wrapper]')) return;
      if (isTyping(target) && !WHILE_TYPING.has(action)) return;
      const state = store.getState();
      const run: Record<ShortcutAction, () => boolean | undefined> = {
        undo: () => void state.undo(),
        redo: () => void state.redo(),
        copy: () => state.copy(),
        paste: () => state.paste(),
        duplicate: () => state.copy() && state.paste(),
        delete: () => void state.deleteSelected(),
        selectAll: () => void state.selectAll(),
        deselect: () =>
          void state.onNodesChange(
            state.nodes.filter((n) => n.selected).map((n) => ({ type: "select", id: n.id, selected: false })),
          ),
        layout: () => void latest.current.layout(),
        fit: () => void flow.fitView({ padding: 0.2, duration: 200, maxZoom: 1 }),
        run: () => void latest.current.run(),
        save: () => void latest.current.save(),
        help: () => void latest.current.help(),
      };
      // Copying with nothing selected leaves the browser's own copy alone.
      const handled = run[action]();
      if (handled === false) return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [flow, store]);
}
