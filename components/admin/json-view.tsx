import { cn } from "@/lib/utils";

/** Pretty-printed JSON in a scrollable block. */
export function JsonView({ value, className }: { value: unknown; className?: string }) {
  return (
    <pre
      className={cn(
        "max-h-80 overflow-auto whitespace-pre-wrap break-all rounded-md border bg-muted/40 p-3 font-mono text-xs leading-relaxed",
        className,
      )}
    >
      {value === undefined || value === null ? "null" : JSON.stringify(value, null, 2)}
    </pre>
  );
}
