import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** Initials in a circle; enough until profiles carry pictures we serve ourselves. */
export function Avatar({ name, className, ...props }: ComponentProps<"span"> & { name: string }) {
  return (
    <span
      aria-hidden
      className={cn(
        "inline-flex size-8 shrink-0 select-none items-center justify-center rounded-full bg-brand/15 font-semibold text-brand text-xs uppercase",
        className,
      )}
      {...props}
    >
      {initials(name)}
    </span>
  );
}

function initials(name: string): string {
  const words = name
    .replace(/@.*$/, "")
    .split(/[\s._-]+/)
    .filter(Boolean);
  const letters =
    words.length > 1 ? `${words[0]?.[0] ?? ""}${words[1]?.[0] ?? ""}` : (words[0] ?? "?").slice(0, 2);
  return letters || "?";
}
