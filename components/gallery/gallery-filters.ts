// The gallery's state that belongs in the URL: search, facets, the trash view and an item to
// find. Parsing is forgiving (an unknown value is dropped, the server validates for real);
// the list API takes the same names, so a filter reads the same in both places.
export type GalleryFilters = {
  q: string;
  model: string;
  provider: string;
  kind: string;
  status: string;
  session: string;
  tag: string;
  starred: boolean;
  from: string;
  to: string;
};

export type GalleryState = GalleryFilters & { view: "gallery" | "trash"; highlight: string };

export const FILTER_KEYS = [
  "q",
  "model",
  "provider",
  "kind",
  "status",
  "session",
  "tag",
  "from",
  "to",
] as const satisfies readonly (keyof GalleryFilters)[];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[0-9a-f-]{36}$/i;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, key: string): string {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

export function parseGalleryState(params: Params): GalleryState {
  const pick = (key: string, ok: (v: string) => boolean) => {
    const value = read(params, key);
    return ok(value) ? value : "";
  };
  return {
    q: read(params, "q").slice(0, 200),
    model: pick("model", (v) => v.length <= 100),
    provider: pick("provider", (v) => ["replicate", "fal", "google"].includes(v)),
    kind: pick("kind", (v) => v === "image" || v === "video"),
    status: pick("status", (v) => ["queued", "processing", "completed", "failed", "canceled"].includes(v)),
    session: pick("session", (v) => ID.test(v)),
    tag: read(params, "tag").slice(0, 40),
    starred: read(params, "starred") === "true",
    from: pick("from", (v) => DAY.test(v)),
    to: pick("to", (v) => DAY.test(v)),
    view: read(params, "view") === "trash" ? "trash" : "gallery",
    highlight: pick("highlight", (v) => ID.test(v)),
  };
}

/** The query string of the list API for these filters (no paging). */
export function filterSearch(filters: GalleryFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) search.set(key, filters[key]);
  if (filters.starred) search.set("starred", "true");
  return search;
}

export function galleryHref(state: Partial<GalleryState>): string {
  const search = filterSearch({ ...EMPTY_FILTERS, ...state });
  if (state.view === "trash") search.set("view", "trash");
  if (state.highlight) search.set("highlight", state.highlight);
  return search.size ? `/history?${search}` : "/history";
}

export const EMPTY_FILTERS: GalleryFilters = {
  q: "",
  model: "",
  provider: "",
  kind: "",
  status: "",
  session: "",
  tag: "",
  starred: false,
  from: "",
  to: "",
};

export function isFiltered(filters: GalleryFilters): boolean {
  return filterSearch(filters).size > 0;
}

/** Whether an item the polled head brings in belongs to the list (everything but the text search). */
export function matchesGalleryFilters(
  item: {
    model: string;
    provider: string;
    kind: string;
    status: string;
    session_id: string | null;
    tags: string[];
    starred: boolean;
    created_at: string;
    trashed_at: string | null;
  },
  filters: GalleryFilters,
): boolean {
  const day = item.created_at.slice(0, 10);
  return (
    item.trashed_at === null &&
    (!filters.model || item.model === filters.model) &&
    (!filters.provider || item.provider === filters.provider) &&
    (!filters.kind || item.kind === filters.kind) &&
    (!filters.status || item.status === filters.status) &&
    (!filters.session || item.session_id === filters.session) &&
    (!filters.tag || item.tags.includes(filters.tag.toLowerCase())) &&
    (!filters.starred || item.starred) &&
    (!filters.from || day >= filters.from) &&
    (!filters.to || day <= filters.to)
  );
}
