"use client";

import { Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Switch } from "../fields";
import { EntryMapCard } from "./entry-map-card";
import type { SettingWire } from "./settings-panel";

export function FlagsCard({ setting }: { setting: SettingWire }) {
  return (
    <EntryMapCard<boolean>
      setting={setting}
      settingKey="feature_flags"
      title="Feature flags"
      description="Named switches the app reads at run time. Save to apply."
      empty="No flags yet."
      newEntry={{ id: "new-flag", label: "New flag", placeholder: "new_editor", initial: true }}
      saveLabel="Save flags"
    >
      {({ names, values, set, remove }) => (
        <ul className="flex flex-col divide-y rounded-lg border">
          {names.map((key) => (
            <li key={key} className="flex items-center gap-3 px-3 py-2">
              <Switch
                checked={values[key] ?? false}
                onCheckedChange={(on) => set(key, on)}
                aria-label={`Flag ${key}`}
              />
              <span className="min-w-0 flex-1 truncate font-mono text-sm">{key}</span>
              <span className="text-muted-foreground text-xs">{values[key] ? "on" : "off"}</span>
              <Button
                variant="ghost"
                size="icon"
                className="size-8"
                aria-label={`Remove flag ${key}`}
                onClick={() => remove(key)}
              >
                <Trash2Icon />
              </Button>
            </li>
          ))}
        </ul>
      )}
    </EntryMapCard>
  );
}
