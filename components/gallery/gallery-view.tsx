"use client";

import { CheckCheckIcon, ImagesIcon, SparklesIcon, Trash2Icon } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { GridSkeleton } from "@/components/generations/history-grid";
import { useCancelGeneration } from "@/components/generations/use-generation-actions";
import { fetchJson } from "@/components/providers/fetch-json";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { filterSearch, type GalleryFilters, galleryHref, parseGalleryState } from "./gallery-filters";
import { GalleryToolbar } from "./gallery-toolbar";
import { SelectionBar } from "./selection-bar";
import { useSelection } from "./selection-store";
import { useBulkAction } from "./use-bulk-action";
import { useGalleryItems } from "./use-gallery-items";
import { VirtualGallery } from "./virtual-gallery";

/** The gallery: search and facets in the URL, a virtualized grid, selection and bulk actions. */
export function GalleryView({ retentionDays }: { retentionDays: number }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => parseGalleryState(new URLSearchParams(params.toString())), [params]);
  const { view, highlight, ...filters } = state;
  const key = filterSearch(filters).toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filters are identified by their query string.
  const stableFilters = useMemo(() => filters, [key]);
  const gallery = useGalleryItems(stableFilters, view);
  const cancel = useCancelGeneration();
  const bulk = useBulkAction();
  const selection = useSelection();
  const [message, setMessage] = useState("");

  const setFilters = (next: GalleryFilters) =>
    router.replace(galleryHref({ ...next, view }), { scroll: false });
  // A new filter or view starts with nothing selected.
  // biome-ignore lint/correctness/useExhaustiveDependencies: clear on a change of list only.
  useEffect(() => selection.clear(), [key, view]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") useSelection.getState().clear();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Read at click time, so the handler stays the same object while pages load: a new one would
  // re-render every mounted tile on each page.
  const loaded = useRef(gallery.items);
  useLayoutEffect(() => {
    loaded.current = gallery.items;
  }, [gallery.items]);
  const onSelect = useCallback((id: string, range: boolean) => {
    const store = useSelection.getState();
    if (range)
      store.selectRange(
        id,
        loaded.current.map((item) => item.id),
      );
    else store.toggle(id);
  }, []);
  const onStar = useCallback(
    (id: string, starred: boolean) => bulk.mutate({ action: starred ? "star" : "unstar", ids: [id] }),
    [bulk.mutate],
  );
  const selectAllMatching = async () => {
    const search = filterSearch(filters);
    if (view === "trash") search.set("in", "trash");
    try {
      const { ids, truncated } = await fetchJson<{ ids: string[]; truncated: boolean }>(
        `/api/generations/ids?${search}`,
      );
      selection.replace(ids);
      setMessage(
        truncated
          ? `Selected the newest ${ids.length.toLocaleString("en-US")} matches (the most one action takes).`
          : `Selected all ${ids.length.toLocaleString("en-US")} matches.`,
      );
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  return (
    <div className="flex flex-col gap-5 pb-32">
      <div className="flex flex-wrap items-center gap-2">
        <nav aria-label="Gallery views" className="flex gap-1 rounded-lg bg-muted p-1">
          <ViewLink href={galleryHref(filters)} current={view === "gallery"}>
            <ImagesIcon aria-hidden className="size-4" /> All
          </ViewLink>
          <ViewLink href={galleryHref({ ...filters, view: "trash" })} current={view === "trash"}>
            <Trash2Icon aria-hidden className="size-4" /> Trash
          </ViewLink>
        </nav>
        <Button
          variant="ghost"
          className="ml-auto"
          onClick={selectAllMatching}
          disabled={gallery.items.length === 0}
        >
          <CheckCheckIcon aria-hidden /> Select all matching
        </Button>
      </div>
      <GalleryToolbar filters={filters} onChange={setFilters} />
      {view === "trash" ? (
        <p className="text-muted-foreground text-sm">
          {`Items in the trash are removed for good, files included, ${retentionDays} days after they were deleted. Until then you can restore them.`}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="min-h-5 text-sm">
        {message}
      </p>
      {cancel.error ? <FormMessage>{cancel.error.message}</FormMessage> : null}
      {gallery.isLoading ? (
        <GridSkeleton />
      ) : gallery.error && gallery.items.length === 0 ? (
        <FormMessage>{gallery.error.message}</FormMessage>
      ) : gallery.items.length === 0 ? (
        <Empty
          trash={view === "trash"}
          filtered={key.length > 0}
          clearHref={pathname + (view === "trash" ? "?view=trash" : "")}
        />
      ) : (
        <>
          <VirtualGallery
            items={gallery.items}
            selected={selection.ids}
            highlight={highlight}
            hasNextPage={gallery.hasNextPage}
            onNeedMore={gallery.fetchNextPage}
            onSelect={onSelect}
            onStar={onStar}
            onCancel={cancel.mutate}
          />
          <p className="text-center text-muted-foreground text-sm">
            {gallery.hasNextPage
              ? "Loading more as you scroll…"
              : `That's everything: ${gallery.items.length.toLocaleString("en-US")} ${gallery.items.length === 1 ? "item" : "items"}.`}
          </p>
        </>
      )}
      <SelectionBar view={view} onDone={setMessage} />
    </div>
  );
}

function ViewLink({
  href,
  current,
  children,
}: {
  href: string;
  current: boolean;
  children: React.ReactNode;
}) {
  return (
    <Link
      href={href}
      replace
      scroll={false}
      aria-current={current ? "page" : undefined}
      className={
        current
          ? "inline-flex h-9 items-center gap-1.5 rounded-md bg-background px-3 font-medium text-sm shadow-xs"
          : "inline-flex h-9 items-center gap-1.5 rounded-md px-3 font-medium text-muted-foreground text-sm hover:text-foreground"
      }
    >
      {children}
    </Link>
  );
}

function Empty({ trash, filtered, clearHref }: { trash: boolean; filtered: boolean; clearHref: string }) {
  return (
    <div className="flex flex-col items-center gap-4 rounded-xl border border-dashed px-6 py-16 text-center">
      {trash ? (
        <Trash2Icon aria-hidden className="size-8 text-muted-foreground" />
      ) : (
        <ImagesIcon aria-hidden className="size-8 text-muted-foreground" />
      )}
      <p className="font-medium">
        {trash ? "The trash is empty" : filtered ? "Nothing matches these filters" : "No generations yet"}
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        {filtered ? (
          <Button asChild variant="outline">
            <Link href={clearHref}>Clear filters</Link>
          </Button>
        ) : null}
        {trash ? null : (
          <Button asChild variant="brand">
            <Link href="/create">
              <SparklesIcon /> Create
            </Link>
          </Button>
        )}
      </div>
    </div>
  );
}
