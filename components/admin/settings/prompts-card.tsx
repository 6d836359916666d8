"use client";

import { PlusIcon, Trash2Icon } from "lucide-react";
import { type FormEvent, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "../fields";
import { ENTRY_NAME } from "./flags-card";
import { SettingMeta } from "./setting-meta";
import type { SettingWire } from "./settings-panel";
import { useSaveSetting } from "./use-save-setting";

type Prompts = Record<string, string>;
const MAX_PROMPT = 20_000;

export function PromptsCard({ setting }: { setting: SettingWire }) {
  const saved = setting.value as Prompts;
  const [prompts, setPrompts] = useState<Prompts>(saved);
  const [name, setName] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useSaveSetting("system_prompts");
  useEffect(() => setPrompts(saved), [saved]);

  const dirty = JSON.stringify(prompts) !== JSON.stringify(saved);
  const names = Object.keys(prompts).sort();

  function add(event: FormEvent) {
    event.preventDefault();
    const key = name.trim().toLowerCase();
    if (!ENTRY_NAME.test(key)) return setInvalid("Use lower-case letters, digits, “.”, “_” and “-”.");
    if (key in prompts) return setInvalid(`“${key}” is already there.`);
    setInvalid(null);
    setPrompts((p) => ({ ...p, [key]: "" }));
    setName("");
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center justify-between gap-2 text-base">
          System prompts <SettingMeta setting={setting} />
        </CardTitle>
        <CardDescription>
          Instructions the app gives Gemini, e.g. for brainstorming and image analysis.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {names.length === 0 ? <p className="text-muted-foreground text-sm">No system prompts yet.</p> : null}
        {names.map((key) => (
          <div key={key} className="flex flex-col gap-2">
            <div className="flex items-center justify-between gap-2">
              <Label htmlFor={`prompt-${key}`} className="font-mono">
                {key}
              </Label>
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Remove prompt ${key}`}
                onClick={() =>
                  setPrompts((p) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== key)))
                }
              >
                <Trash2Icon /> Remove
              </Button>
            </div>
            <Textarea
              id={`prompt-${key}`}
              value={prompts[key] ?? ""}
              maxLength={MAX_PROMPT}
              rows={5}
              onChange={(e) => setPrompts((p) => ({ ...p, [key]: e.target.value }))}
            />
          </div>
        ))}
        <form noValidate onSubmit={add} className="flex flex-col gap-2">
          <Label htmlFor="new-prompt">New prompt</Label>
          <div className="flex gap-2">
            <Input
              id="new-prompt"
              value={name}
              placeholder="brainstorm"
              onChange={(e) => setName(e.target.value)}
            />
            <Button type="submit" variant="outline">
              <PlusIcon /> Add
            </Button>
          </div>
        </form>
        {(invalid ?? save.error?.message) ? (
          <FormMessage>{invalid ?? save.error?.message}</FormMessage>
        ) : null}
        <div className="flex items-center gap-3">
          <Button disabled={!dirty || save.isPending} onClick={() => save.mutate(prompts)}>
            Save prompts
          </Button>
          {dirty ? (
            <Button variant="ghost" onClick={() => setPrompts(saved)}>
              Discard changes
            </Button>
          ) : save.isSuccess ? (
            <span role="status" className="text-success text-sm">
              Saved
            </span>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
