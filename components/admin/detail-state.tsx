import { ArrowLeftIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { QueryError } from "./query-state";

/** The "← All …" link at the top of a detail page. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="flex w-fit items-center gap-1 text-muted-foreground text-sm underline-offset-4 hover:text-foreground hover:underline"
    >
      <ArrowLeftIcon aria-hidden className="size-4" /> {children}
    </Link>
  );
}

/** A detail page before its data is there: the back link, then the error or loading placeholders. */
export function DetailPending({
  back,
  error,
  children,
}: {
  back: ReactNode;
  error: unknown;
  /** Placeholders shown while loading. */
  children: ReactNode;
}) {
  if (error)
    return (
      <div className="flex flex-col gap-4">
        {back}
        <QueryError error={error} />
      </div>
    );
  return (
    <div className="flex flex-col gap-4" aria-busy>
      {back}
      {children}
    </div>
  );
}
