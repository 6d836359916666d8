"use client";

import { KeyboardIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { GESTURES, SHORTCUTS } from "./shortcuts";

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

function Keys({ keys }: { keys: string[] }) {
  const mod = isMac() ? "⌘" : "Ctrl";
  return (
    <span className="flex shrink-0 items-center gap-1">
      {keys.map((key) => (
        <kbd
          key={key}
          className="min-w-6 rounded border border-b-2 bg-muted px-1.5 py-0.5 text-center font-mono text-[11px] text-foreground"
        >
          {key === "Mod" ? mod : key}
        </kbd>
      ))}
    </span>
  );
}

/** Every shortcut and gesture of the editor, from the same list the key handler reads. */
export function ShortcutsHelp({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Popover open={open} onOpenChange={onOpenChange}>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="icon" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          <KeyboardIcon />
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-80" aria-label="Keyboard shortcuts">
        <h2 className="mb-2 font-semibold text-sm">Keyboard shortcuts</h2>
        <dl className="flex flex-col gap-1.5 text-sm">
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut.action} className="flex items-center justify-between gap-3">
              <dt className="text-muted-foreground">{shortcut.label}</dt>
              <dd>
                <Keys keys={shortcut.keys} />
              </dd>
            </div>
          ))}
        </dl>
        <h2 className="mt-4 mb-2 font-semibold text-sm">Mouse and touch</h2>
        <dl className="flex flex-col gap-1.5 text-sm">
          {GESTURES.map((gesture) => (
            <div key={gesture.label} className="flex items-center justify-between gap-3">
              <dt className="text-muted-foreground">{gesture.label}</dt>
              <dd>
                <Keys keys={gesture.keys} />
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-muted-foreground text-xs">
          On a touch screen, pinch to zoom and drag with one finger to pan.
        </p>
      </PopoverContent>
    </Popover>
  );
}
