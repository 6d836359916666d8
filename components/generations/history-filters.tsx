import Link from "next/link";
import { cn } from "@/lib/utils";
import type { KindFilter, StatusFilter } from "./types";

const KINDS: { value: KindFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "image", label: "Images" },
  { value: "video", label: "Videos" },
];
const STATUSES: { value: StatusFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "active", label: "Active" },
  { value: "completed", label: "Completed" },
  { value: "failed", label: "Failed" },
];

export type HistoryFilters = { kind: KindFilter; status: StatusFilter };

/** ?kind=&status= → filters; anything unknown falls back to "all". */
export function parseHistoryFilters(params: Record<string, string | string[] | undefined>): HistoryFilters {
  const kind = KINDS.find((k) => k.value === params.kind)?.value ?? "all";
  const status = STATUSES.find((s) => s.value === params.status)?.value ?? "all";
  return { kind, status };
}

export function historyHref({ kind, status }: HistoryFilters): string {
  const search = new URLSearchParams();
  if (kind !== "all") search.set("kind", kind);
  if (status !== "all") search.set("status", status);
  return search.size > 0 ? `/history?${search}` : "/history";
}

/** Two segmented rows of links, so filters live in the URL and work before hydration. */
export function HistoryFilterBar({ filters }: { filters: HistoryFilters }) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:gap-6">
      <Segment
        label="Kind"
        options={KINDS}
        current={filters.kind}
        href={(kind) => historyHref({ ...filters, kind })}
      />
      <Segment
        label="Status"
        options={STATUSES}
        current={filters.status}
        href={(status) => historyHref({ ...filters, status })}
      />
    </div>
  );
}

function Segment<V extends string>({
  label,
  options,
  current,
  href,
}: {
  label: string;
  options: { value: V; label: string }[];
  current: V;
  href: (value: V) => string;
}) {
  return (
    <nav aria-label={`Filter by ${label.toLowerCase()}`} className="flex items-center gap-2">
      <span className="w-14 shrink-0 text-muted-foreground text-sm sm:w-auto">{label}</span>
      <div className="flex flex-wrap gap-1 rounded-lg bg-muted p-1">
        {options.map((option) => {
          const active = option.value === current;
          return (
            <Link
              key={option.value}
              href={href(option.value)}
              replace
              scroll={false}
              aria-current={active ? "page" : undefined}
              className={cn(
                "inline-flex h-9 min-w-10 items-center justify-center rounded-md px-3 font-medium text-sm outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/50",
                active
                  ? "bg-background text-foreground shadow-xs"
                  : "text-muted-foreground hover:text-foreground",
              )}
            >
              {option.label}
            </Link>
          );
        })}
      </div>
    </nav>
  );
}
