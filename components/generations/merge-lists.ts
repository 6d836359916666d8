// Merging the polled head of the list into the history pages: fresher versions win by id,
// new jobs that match the filter are slotted in, nothing is duplicated.
import { compareNewestFirst, type Generation, isPending, isTerminal } from "./types";

/**
 * `pages` come from the paginated history query (not polled), `head` from the polled recent
 * list. `complete` says every page is loaded, so head items older than the last page belong too.
 */
export function mergeWithHead(
  pages: readonly Generation[],
  head: readonly Generation[],
  matches: (item: Generation) => boolean,
  complete: boolean,
): Generation[] {
  const fresh = new Map<string, Generation>();
  for (const item of head) if (!isPending(item.id)) fresh.set(item.id, item);
  const seen = new Set<string>();
  const out: Generation[] = [];
  for (const item of pages) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const current = fresher(fresh.get(item.id), item);
    if (matches(current)) out.push(current);
  }
  const oldest = pages.at(-1);
  const extra = [...fresh.values()].filter(
    (item) =>
      !seen.has(item.id) && matches(item) && (complete || !oldest || compareNewestFirst(item, oldest) <= 0),
  );
  return extra.length === 0 ? out : [...out, ...extra].sort(compareNewestFirst);
}

/**
 * The newer of two copies of one generation. The polled head is usually the fresher, but a page
 * fetched just after the head can already hold the end of a job the head still shows running;
 * a job never goes back from an end to running, so the ended copy wins.
 */
function fresher(head: Generation | undefined, page: Generation): Generation {
  if (!head) return page;
  return isTerminal(page.status) && !isTerminal(head.status) ? page : head;
}
