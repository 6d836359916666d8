import type { ReactNode } from "react";
import { PageHeader } from "@/components/shell/page-container";

/** An admin section's header: the shared page header, compact. */
export function AdminHeader(props: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return <PageHeader {...props} compact />;
}

/** A small labelled number. */
export function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <div className="flex flex-col gap-1 rounded-xl border bg-card p-4 shadow-xs">
      <span className="text-muted-foreground text-xs">{label}</span>
      <span className="font-semibold text-2xl tabular-nums tracking-tight">{value}</span>
      {hint ? <span className="text-muted-foreground text-xs">{hint}</span> : null}
    </div>
  );
}
