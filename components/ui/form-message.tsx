import { CircleAlertIcon, InfoIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** Inline error or notice under a form; errors are announced by screen readers. */
export function FormMessage({
  id,
  tone = "error",
  className,
  children,
}: {
  id?: string;
  tone?: "error" | "info";
  className?: string;
  children: ReactNode;
}) {
  const Icon = tone === "error" ? CircleAlertIcon : InfoIcon;
  return (
    <p
      id={id}
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "flex items-start gap-2 rounded-md px-3 py-2 text-sm",
        tone === "error" ? "bg-destructive/10 text-destructive" : "bg-muted text-muted-foreground",
        className,
      )}
    >
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  );
}
