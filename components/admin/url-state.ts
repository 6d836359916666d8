// Filters live in the URL, so a view can be shared and survives a reload.

/** Sets the query string without a navigation; empty values are left out. */
export function replaceQuery(params: Record<string, string | number | null | undefined>): void {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  }
  const query = search.toString();
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

/** The first value of a search param from a page's `searchParams`. */
export function firstParam(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}
