"use client";

import Link from "next/link";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Label } from "@/components/ui/label";
import { useDraft } from "@/components/ui/use-draft";
import type { SettingKey } from "@/lib/settings/settings";
import { Textarea } from "../fields";
import { SettingCardHeader } from "./setting-meta";
import type { SettingWire } from "./settings-panel";
import { useSaveSetting } from "./use-save-setting";

/** A page's text that admins write: plain text, blank lines between paragraphs. */
export function TextSettingCard({
  setting,
  title,
  description,
  page,
  maxLength,
}: {
  setting: SettingWire;
  title: string;
  description: string;
  /** Where the text is shown, linked so the admin can check it. */
  page: string;
  maxLength: number;
}) {
  const current = String(setting.value);
  const [text, setText] = useDraft(current);
  const save = useSaveSetting(setting.key as SettingKey);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(text);
  }

  const id = `setting-${setting.key}`;
  const dirty = text !== current;
  return (
    <Card>
      <SettingCardHeader setting={setting} title={title} description={description} />
      <CardContent>
        <form noValidate onSubmit={submit} className="flex flex-col gap-3">
          <Label htmlFor={id} className="sr-only">
            {title}
          </Label>
          <Textarea
            id={id}
            value={text}
            rows={6}
            maxLength={maxLength}
            onChange={(e) => setText(e.target.value)}
          />
          {save.error ? <FormMessage>{save.error.message}</FormMessage> : null}
          {save.isSuccess && !dirty ? <FormMessage tone="info">Saved.</FormMessage> : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={save.isPending || !dirty || text.trim() === ""}>
              Save
            </Button>
            {dirty ? (
              <Button variant="ghost" onClick={() => setText(current)}>
                Discard changes
              </Button>
            ) : null}
            <Link href={page} className="text-sm underline underline-offset-4">
              Open {page}
            </Link>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
