"use client";

import { PlusIcon, Trash2Icon } from "lucide-react";
import { type FormEvent, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "../fields";
import { SettingMeta } from "./setting-meta";
import type { SettingWire } from "./settings-panel";
import { useSaveSetting } from "./use-save-setting";

export const ENTRY_NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
type Flags = Record<string, boolean>;

export function FlagsCard({ setting }: { setting: SettingWire }) {
  const saved = setting.value as Flags;
  const [flags, setFlags] = useState<Flags>(saved);
  const [name, setName] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useSaveSetting("feature_flags");
  useEffect(() => setFlags(saved), [saved]);

  const dirty = JSON.stringify(flags) !== JSON.stringify(saved);
  const names = Object.keys(flags).sort();

  function add(event: FormEvent) {
    event.preventDefault();
    const key = name.trim().toLowerCase();
    if (!ENTRY_NAME.test(key)) return setInvalid("Use lower-case letters, digits, “.”, “_” and “-”.");
    if (key in flags) return setInvalid(`“${key}” is already there.`);
    setInvalid(null);
    setFlags((f) => ({ ...f, [key]: true }));
    setName("");
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center justify-between gap-2 text-base">
          Feature flags <SettingMeta setting={setting} />
        </CardTitle>
        <CardDescription>Named switches the app reads at run time. Save to apply.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {names.length === 0 ? <p className="text-muted-foreground text-sm">No flags yet.</p> : null}
        <ul className="flex flex-col divide-y rounded-lg border">
          {names.map((key) => (
            <li key={key} className="flex items-center gap-3 px-3 py-2">
              <Switch
                checked={flags[key] ?? false}
                onCheckedChange={(on) => setFlags((f) => ({ ...f, [key]: on }))}
                aria-label={`Flag ${key}`}
              />
              <span className="min-w-0 flex-1 truncate font-mono text-sm">{key}</span>
              <span className="text-muted-foreground text-xs">{flags[key] ? "on" : "off"}</span>
              <Button
                variant="ghost"
                size="icon"
                className="size-8"
                aria-label={`Remove flag ${key}`}
                onClick={() =>
                  setFlags((f) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== key)))
                }
              >
                <Trash2Icon />
              </Button>
            </li>
          ))}
        </ul>
        <form noValidate onSubmit={add} className="flex flex-col gap-2">
          <Label htmlFor="new-flag">New flag</Label>
          <div className="flex gap-2">
            <Input
              id="new-flag"
              value={name}
              placeholder="new_editor"
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
          <Button disabled={!dirty || save.isPending} onClick={() => save.mutate(flags)}>
            Save flags
          </Button>
          {dirty ? (
            <Button variant="ghost" onClick={() => setFlags(saved)}>
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
