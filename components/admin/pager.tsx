"use client";

import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { formatNumber } from "./format";

export function Pager({
  page,
  pageSize,
  total,
  onPage,
  noun,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  noun: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <div className="flex items-center justify-between gap-3 text-muted-foreground text-sm">
      <p aria-live="polite">
        {total === 0
          ? `No ${noun}`
          : `${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(total)} ${noun}`}
      </p>
      <div className="flex items-center gap-1">
        <Button variant="outline" size="sm" onClick={() => onPage(page - 1)} disabled={page <= 1}>
          <ChevronLeftIcon /> <span className="sr-only sm:not-sr-only">Previous</span>
        </Button>
        <Button variant="outline" size="sm" onClick={() => onPage(page + 1)} disabled={page >= pages}>
          <span className="sr-only sm:not-sr-only">Next</span> <ChevronRightIcon />
        </Button>
      </div>
    </div>
  );
}

/** Pager for a loaded page of results; nothing until the first page is there. */
export function ResultPager({
  data,
  onPage,
  noun,
}: {
  data: { page: number; page_size: number; total: number } | undefined;
  onPage: (page: number) => void;
  noun: string;
}) {
  if (!data) return null;
  return <Pager page={data.page} pageSize={data.page_size} total={data.total} onPage={onPage} noun={noun} />;
}
