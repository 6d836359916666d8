"use client";

import { PlusIcon } from "lucide-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useDraft } from "@/components/ui/use-draft";
import type { SettingKey } from "@/lib/settings/settings";
import { SettingCardHeader } from "./setting-meta";
import type { SettingWire } from "./settings-panel";
import { useSaveSetting } from "./use-save-setting";

export const ENTRY_NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/** What a card's entry list gets: the draft values, sorted names and ways to change them. */
export type EntryMapEditor<V> = {
  names: string[];
  values: Record<string, V>;
  set: (key: string, value: V) => void;
  remove: (key: string) => void;
};

/**
 * A setting card that edits a name → value map as a draft: add named entries, change or remove
 * them, then save or discard the whole map.
 */
export function EntryMapCard<V>({
  setting,
  settingKey,
  title,
  description,
  empty,
  newEntry,
  saveLabel,
  children,
}: {
  setting: SettingWire;
  settingKey: SettingKey;
  title: string;
  description: ReactNode;
  /** Shown when there are no entries. */
  empty: string;
  /** The add form: its field id, label and placeholder, and the value a new entry starts with. */
  newEntry: { id: string; label: string; placeholder: string; initial: V };
  saveLabel: string;
  children: (editor: EntryMapEditor<V>) => ReactNode;
}) {
  const saved = setting.value as Record<string, V>;
  const [values, setValues] = useDraft<Record<string, V>>(saved);
  const [name, setName] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useSaveSetting(settingKey);

  const dirty = JSON.stringify(values) !== JSON.stringify(saved);
  const names = Object.keys(values).sort();

  function add(event: FormEvent) {
    event.preventDefault();
    const key = name.trim().toLowerCase();
    if (!ENTRY_NAME.test(key)) return setInvalid("Use lower-case letters, digits, “.”, “_” and “-”.");
    if (key in values) return setInvalid(`“${key}” is already there.`);
    setInvalid(null);
    setValues((v) => ({ ...v, [key]: newEntry.initial }));
    setName("");
  }

  const editor: EntryMapEditor<V> = {
    names,
    values,
    set: (key, value) => setValues((v) => ({ ...v, [key]: value })),
    remove: (key) => setValues((v) => Object.fromEntries(Object.entries(v).filter(([k]) => k !== key))),
  };

  return (
    <Card>
      <SettingCardHeader setting={setting} title={title} description={description} />
      <CardContent className="flex flex-col gap-4">
        {names.length === 0 ? <p className="text-muted-foreground text-sm">{empty}</p> : null}
        {children(editor)}
        <form noValidate onSubmit={add} className="flex flex-col gap-2">
          <Label htmlFor={newEntry.id}>{newEntry.label}</Label>
          <div className="flex gap-2">
            <Input
              id={newEntry.id}
              value={name}
              placeholder={newEntry.placeholder}
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
          <Button disabled={!dirty || save.isPending} onClick={() => save.mutate(values)}>
            {saveLabel}
          </Button>
          {dirty ? (
            <Button variant="ghost" onClick={() => setValues(saved)}>
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
