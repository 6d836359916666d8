import { ProgressBar } from "./progress-bar";
import type { GenerationDetail } from "./types";

/**
 * A running job on its result page: the progress bar with its percentage, and the provider's
 * latest log line. The bar's row is there from the start (empty until a value is known), so
 * nothing below it moves when the first value arrives.
 */
export function RunProgress({ item }: { item: GenerationDetail }) {
  const known = item.status === "processing" && typeof item.progress === "number";
  const percent = known ? Math.round((item.progress as number) * 100) : null;
  return (
    <div className="flex w-full max-w-xs flex-col gap-1.5">
      <div className="flex h-4 items-center gap-2">
        {known ? (
          <>
            <ProgressBar value={item.progress as number} className="flex-1" />
            <span aria-hidden className="w-9 text-right text-muted-foreground text-xs tabular-nums">
              {`${percent}%`}
            </span>
          </>
        ) : null}
      </div>
      <p
        className="h-4 truncate font-mono text-[11px] text-muted-foreground/80"
        title={item.latest_log ?? undefined}
      >
        {item.status === "processing" ? item.latest_log : null}
      </p>
    </div>
  );
}
