import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";

/** A bordered table that scrolls sideways on narrow screens instead of squeezing. */
export function DataTable({ className, children, ...props }: ComponentProps<"table">) {
  return (
    <div className="overflow-x-auto rounded-xl border bg-card shadow-xs">
      <table className={cn("w-full border-collapse text-sm", className)} {...props}>
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      scope="col"
      className={cn(
        "whitespace-nowrap border-b bg-muted/50 px-3 py-2.5 text-left font-medium text-muted-foreground text-xs",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return (
    <td className={cn("border-b px-3 py-2.5 align-top [tr:last-child>&]:border-b-0", className)} {...props} />
  );
}

export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-3 py-10 text-center text-muted-foreground">
        {children}
      </td>
    </tr>
  );
}

export function LoadingRows({ colSpan, rows = 5 }: { colSpan: number; rows?: number }) {
  return Array.from({ length: rows }, (_, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity.
    <tr key={i} aria-hidden>
      <td colSpan={colSpan} className="border-b px-3 py-3">
        <div className="h-4 animate-pulse rounded bg-muted" />
      </td>
    </tr>
  ));
}
