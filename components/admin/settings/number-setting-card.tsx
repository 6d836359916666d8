"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useDraft } from "@/components/ui/use-draft";
import type { SettingKey } from "@/lib/settings/settings";
import { formatNumber } from "../format";
import { SettingCardHeader } from "./setting-meta";
import type { SettingWire } from "./settings-panel";
import { useSaveSetting } from "./use-save-setting";

export function NumberSettingCard({
  setting,
  title,
  description,
  max,
}: {
  setting: SettingWire;
  title: string;
  description: string;
  max: number;
}) {
  const current = String(setting.value);
  const [text, setText] = useDraft(current);
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useSaveSetting(setting.key as SettingKey);

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = Number(text.trim());
    if (!/^\d+$/.test(text.trim()) || value > max)
      return setInvalid(`Enter a whole number from 0 to ${formatNumber(max)}.`);
    setInvalid(null);
    save.mutate(value);
  }

  const id = `setting-${setting.key}`;
  const error = invalid ?? save.error?.message ?? null;
  return (
    <Card>
      <SettingCardHeader setting={setting} title={title} description={description} />
      <CardContent>
        <form noValidate onSubmit={submit} className="flex flex-col gap-3">
          <Label htmlFor={id} className="sr-only">
            {title}
          </Label>
          <div className="flex gap-2">
            <Input
              id={id}
              inputMode="numeric"
              value={text}
              onChange={(event) => setText(event.target.value)}
              aria-invalid={invalid ? true : undefined}
            />
            <Button type="submit" disabled={save.isPending || text.trim() === current}>
              Save
            </Button>
          </div>
          {error ? <FormMessage>{error}</FormMessage> : null}
          {setting.warning ? (
            <FormMessage tone="info" className="border border-destructive/40">
              {setting.warning}
            </FormMessage>
          ) : null}
          {save.isSuccess && text.trim() === current ? <FormMessage tone="info">Saved.</FormMessage> : null}
          <p className="text-muted-foreground text-xs">
            Default: {formatNumber(Number(setting.default_value))}
          </p>
        </form>
      </CardContent>
    </Card>
  );
}
