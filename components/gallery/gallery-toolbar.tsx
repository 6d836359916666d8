"use client";

import { SearchIcon, SlidersHorizontalIcon, StarIcon, XIcon } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useModels } from "@/components/generations/use-models";
import { useSessions } from "@/components/sessions/use-sessions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useDraft } from "@/components/ui/use-draft";
import { cn } from "@/lib/utils";
import { EMPTY_FILTERS, type GalleryFilters, isFiltered } from "./gallery-filters";
import { useTags } from "./use-tags";

const SELECT = "h-9 w-full rounded-md border bg-background px-2 text-sm sm:w-auto";

/** Search, facets and the date jump; every change goes to the URL through `onChange`. */
export function GalleryToolbar({
  filters,
  onChange,
}: {
  filters: GalleryFilters;
  onChange: (next: GalleryFilters) => void;
}) {
  const [text, setText] = useDraft(filters.q);
  const [open, setOpen] = useState(false);
  const models = useModels();
  const sessions = useSessions();
  const tags = useTags();
  const set = <K extends keyof GalleryFilters>(key: K, value: GalleryFilters[K]) =>
    onChange({ ...filters, [key]: value });
  const search = (event: FormEvent) => {
    event.preventDefault();
    set("q", text.trim());
  };
  const facetCount = Object.entries(filters).filter(([key, value]) => key !== "q" && value).length;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <search className="min-w-48 flex-1">
          <form onSubmit={search} className="relative">
            <label htmlFor="gallery-search" className="sr-only">
              Search prompts
            </label>
            <SearchIcon
              aria-hidden
              className="-translate-y-1/2 pointer-events-none absolute top-1/2 left-3 size-4 text-muted-foreground"
            />
            <Input
              id="gallery-search"
              type="search"
              value={text}
              onChange={(event) => setText(event.target.value)}
              placeholder="Search prompts"
              maxLength={200}
              className="pl-9"
            />
          </form>
        </search>
        <Button
          variant={filters.starred ? "secondary" : "outline"}
          aria-pressed={filters.starred}
          aria-label="Starred only"
          onClick={() => set("starred", !filters.starred)}
        >
          <StarIcon aria-hidden className={cn(filters.starred && "fill-amber-500 text-amber-500")} />
          <span className="hidden sm:inline">Starred</span>
        </Button>
        <Button
          variant="outline"
          aria-expanded={open}
          aria-controls="gallery-facets"
          onClick={() => setOpen(!open)}
        >
          <SlidersHorizontalIcon aria-hidden /> Filters{facetCount ? ` (${facetCount})` : ""}
        </Button>
        {isFiltered(filters) ? (
          <Button variant="ghost" onClick={() => onChange(EMPTY_FILTERS)}>
            <XIcon aria-hidden /> Clear
          </Button>
        ) : null}
      </div>
      <div
        id="gallery-facets"
        hidden={!open}
        className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-start"
      >
        <Facet label="Model" value={filters.model} onChange={(v) => set("model", v)}>
          {models.data?.map((model) => (
            <option key={model.id} value={model.id}>
              {model.name}
            </option>
          ))}
          {filters.model && !models.data?.some((m) => m.id === filters.model) ? (
            <option value={filters.model}>{filters.model}</option>
          ) : null}
        </Facet>
        <Facet label="Provider" value={filters.provider} onChange={(v) => set("provider", v)}>
          <option value="replicate">Replicate</option>
          <option value="fal">fal.ai</option>
          <option value="google">Google</option>
        </Facet>
        <Facet label="Kind" value={filters.kind} onChange={(v) => set("kind", v)}>
          <option value="image">Images</option>
          <option value="video">Videos</option>
        </Facet>
        <Facet label="Status" value={filters.status} onChange={(v) => set("status", v)}>
          <option value="completed">Completed</option>
          <option value="queued">Queued</option>
          <option value="processing">Processing</option>
          <option value="failed">Failed</option>
          <option value="canceled">Canceled</option>
        </Facet>
        <Facet label="Session" value={filters.session} onChange={(v) => set("session", v)}>
          {sessions.data?.items.map((session) => (
            <option key={session.id} value={session.id}>
              {session.title}
            </option>
          ))}
        </Facet>
        <Facet label="Tag" value={filters.tag} onChange={(v) => set("tag", v)}>
          {tags.data?.tags.map(({ tag, count }) => (
            <option key={tag} value={tag}>
              {`${tag} (${count})`}
            </option>
          ))}
          {filters.tag && !tags.data?.tags.some((t) => t.tag === filters.tag) ? (
            <option value={filters.tag}>{filters.tag}</option>
          ) : null}
        </Facet>
        <DateField label="From" value={filters.from} onChange={(v) => set("from", v)} />
        {/* The end of the range is also the way to jump to a date: the list is newest first. */}
        <DateField
          label="To"
          hint="Starts the list at this day"
          value={filters.to}
          onChange={(v) => set("to", v)}
        />
      </div>
    </div>
  );
}

function Facet({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  const id = `facet-${label.toLowerCase()}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-muted-foreground text-xs">
        {label}
      </label>
      <select id={id} className={SELECT} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">Any</option>
        {children}
      </select>
    </div>
  );
}

function DateField({
  label,
  hint,
  value,
  onChange,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = `facet-${label.toLowerCase().replace(/\s+/g, "-")}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-muted-foreground text-xs">
        {label}
      </label>
      <Input
        id={id}
        type="date"
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
        className="h-9 sm:w-40"
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-muted-foreground text-xs">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
