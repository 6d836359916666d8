"use client";
// Compose a prompt from choices: a creative mode (about fifteen of them) or a strict studio
// product shot. The prompt updates live and stays editable; once edited, it is yours until
// "Recompose".
import { ArrowRightIcon, ChevronDownIcon } from "lucide-react";
import Link from "next/link";
import { type ReactNode, useState } from "react";
import { selectClass } from "@/components/generations/fields/select-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import {
  CREATIVE_CHOICES,
  composeCreative,
  composeStudio,
  STUDIO_OPTIONS,
  type StudioSpec,
} from "./prompt-recipes";
import { createHref } from "./text-results";

type Mode = "creative" | "studio";

/** A native select with the app's chevron (quick on phones). */
function Chevron({ children }: { children: ReactNode }) {
  return (
    <div className="relative">
      {children}
      <ChevronDownIcon
        aria-hidden
        className="-translate-y-1/2 pointer-events-none absolute top-1/2 right-3 size-4 text-muted-foreground"
      />
    </div>
  );
}

function Select({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly string[];
  onChange: (v: string) => void;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Chevron>
        <select id={id} value={value} className={selectClass} onChange={(e) => onChange(e.target.value)}>
          <option value="">Any</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </Chevron>
    </div>
  );
}

export function PromptBuilder() {
  const [mode, setMode] = useState<Mode>("creative");
  const [subject, setSubject] = useState("");
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [studio, setStudio] = useState<StudioSpec>({
    product: "",
    surface: STUDIO_OPTIONS.surface[0],
    background: STUDIO_OPTIONS.background[0],
    light: STUDIO_OPTIONS.light[0],
    angle: STUDIO_OPTIONS.angle[0],
  });
  const [edited, setEdited] = useState<string | null>(null);
  const composed = mode === "creative" ? composeCreative(subject, chosen) : composeStudio(studio);
  const prompt = edited ?? composed;

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
      <div className="flex flex-col gap-5">
        <div role="tablist" aria-label="Mode" className="flex gap-1">
          {(["creative", "studio"] as const).map((m) => (
            <Button
              key={m}
              role="tab"
              aria-selected={mode === m}
              variant={mode === m ? "secondary" : "ghost"}
              onClick={() => {
                setMode(m);
                setEdited(null);
              }}
            >
              {m === "creative" ? "Creative" : "Studio product shot"}
            </Button>
          ))}
        </div>
        {mode === "creative" ? (
          <>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="pb-subject">Subject</Label>
              <Input
                id="pb-subject"
                value={subject}
                placeholder="a fox in a red scarf"
                onChange={(e) => setSubject(e.target.value)}
              />
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              {CREATIVE_CHOICES.map((c) => (
                <Select
                  key={c.name}
                  id={`pb-${c.name}`}
                  label={c.label}
                  value={chosen[c.name] ?? ""}
                  options={c.options}
                  onChange={(v) => setChosen((s) => ({ ...s, [c.name]: v }))}
                />
              ))}
            </div>
          </>
        ) : (
          <>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="pb-product">Product</Label>
              <Input
                id="pb-product"
                value={studio.product}
                placeholder="a matte ceramic coffee mug"
                onChange={(e) => setStudio((s) => ({ ...s, product: e.target.value }))}
              />
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              {(Object.keys(STUDIO_OPTIONS) as (keyof typeof STUDIO_OPTIONS)[]).map((key) => (
                <div key={key} className="flex flex-col gap-1.5">
                  <Label htmlFor={`pb-${key}`}>{key[0]?.toUpperCase() + key.slice(1)}</Label>
                  <Chevron>
                    <select
                      id={`pb-${key}`}
                      className={selectClass}
                      value={studio[key]}
                      onChange={(e) => setStudio((s) => ({ ...s, [key]: e.target.value }))}
                    >
                      {STUDIO_OPTIONS[key].map((o) => (
                        <option key={o} value={o}>
                          {o}
                        </option>
                      ))}
                    </select>
                  </Chevron>
                </div>
              ))}
            </div>
          </>
        )}
      </div>
      <section aria-label="Prompt" className="flex flex-col gap-3 lg:sticky lg:top-20 lg:self-start">
        <Label htmlFor="pb-prompt">Prompt</Label>
        <textarea
          id="pb-prompt"
          value={prompt}
          rows={8}
          onChange={(e) => setEdited(e.target.value)}
          className="min-h-40 w-full resize-y rounded-md border border-input bg-transparent px-3 py-2 text-base shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/40 md:text-sm"
        />
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="brand">
            <Link href={createHref(prompt)}>
              Create with this prompt <ArrowRightIcon />
            </Link>
          </Button>
          {edited !== null ? (
            <Button variant="ghost" onClick={() => setEdited(null)}>
              Recompose
            </Button>
          ) : null}
        </div>
        <p className="text-muted-foreground text-xs">
          Edit the prompt freely; your changes are kept until you recompose.
        </p>
      </section>
    </div>
  );
}
