"use client";

import { Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "../fields";
import { EntryMapCard } from "./entry-map-card";
import type { SettingWire } from "./settings-panel";

const MAX_PROMPT = 20_000;

export function PromptsCard({ setting }: { setting: SettingWire }) {
  return (
    <EntryMapCard<string>
      setting={setting}
      settingKey="system_prompts"
      title="System prompts"
      description="Instructions the text tools give Gemini, by task: describe (Analyze), brainstorm, enhance (the Enhance button) and text. A task without one here uses the built-in instructions; a change applies within seconds."
      empty="No system prompts yet."
      newEntry={{ id: "new-prompt", label: "New prompt", placeholder: "brainstorm", initial: "" }}
      saveLabel="Save prompts"
    >
      {({ names, values, set, remove }) =>
        names.map((key) => (
          <div key={key} className="flex flex-col gap-2">
            <div className="flex items-center justify-between gap-2">
              <Label htmlFor={`prompt-${key}`} className="font-mono">
                {key}
              </Label>
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Remove prompt ${key}`}
                onClick={() => remove(key)}
              >
                <Trash2Icon /> Remove
              </Button>
            </div>
            <Textarea
              id={`prompt-${key}`}
              value={values[key] ?? ""}
              maxLength={MAX_PROMPT}
              rows={5}
              onChange={(e) => set(key, e.target.value)}
            />
          </div>
        ))
      }
    </EntryMapCard>
  );
}
