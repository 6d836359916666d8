import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** The standard page width and padding; full-bleed pages (editors) can skip it. */
export function PageContainer({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <div className={cn("mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 sm:py-12", className)}>{children}</div>
  );
}

/** A page's title (its h1), a line about it and optional actions; `compact` for dense consoles. */
export function PageHeader({
  title,
  description,
  actions,
  compact = false,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  compact?: boolean;
}) {
  return (
    <div
      className={cn(
        "flex flex-col sm:flex-row sm:items-end sm:justify-between",
        compact ? "gap-3" : "mb-8 gap-4",
      )}
    >
      <div className={cn("flex flex-col", compact ? "min-w-0 gap-1" : "gap-1.5")}>
        <h1 className={cn("font-semibold text-2xl tracking-tight", compact ? "truncate" : "sm:text-3xl")}>
          {title}
        </h1>
        {description ? (
          <p className={cn("text-muted-foreground", compact && "text-sm")}>{description}</p>
        ) : null}
      </div>
      {actions ? (
        <div className={cn("flex items-center gap-2", compact && "flex-wrap")}>{actions}</div>
      ) : null}
    </div>
  );
}
