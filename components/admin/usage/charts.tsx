// Plain SVG and CSS charts: no chart library, nothing to load, readable in both themes.
import { cn } from "@/lib/utils";
import { formatNumber } from "../format";

/** One bar per day; bars stretch to the width, labels stay HTML so they never distort. */
export function DailyBars({
  data,
  label,
  tone = "brand",
}: {
  data: { day: string; value: number }[];
  label: string;
  tone?: "brand" | "muted";
}) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const width = data.length * 10;
  const first = data[0]?.day;
  const last = data.at(-1)?.day;
  const total = data.reduce((sum, d) => sum + d.value, 0);
  return (
    <figure className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between text-muted-foreground text-xs">
        <figcaption>{label}</figcaption>
        <span className="tabular-nums">max {formatNumber(max)}</span>
      </div>
      <svg
        viewBox={`0 0 ${width} 100`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${label}: ${formatNumber(total)} over ${data.length} days, at most ${formatNumber(max)} a day`}
        className="h-32 w-full overflow-visible border-b"
      >
        {data.map((d, i) => {
          const h = d.value > 0 ? Math.max(1.5, (d.value / max) * 100) : 0;
          return (
            <g key={d.day}>
              <rect x={i * 10} y={0} width={10} height={100} className="fill-transparent hover:fill-muted">
                <title>{`${d.day}: ${formatNumber(d.value)}`}</title>
              </rect>
              <rect
                x={i * 10 + 1.5}
                y={100 - h}
                width={7}
                height={h}
                rx={1}
                className={cn("pointer-events-none", tone === "brand" ? "fill-brand" : "fill-foreground/40")}
              />
            </g>
          );
        })}
      </svg>
      <div className="flex justify-between text-muted-foreground text-xs tabular-nums">
        <span>{first}</span>
        <span>{last}</span>
      </div>
    </figure>
  );
}

/** A horizontal bar for a table cell, proportional to `max`. */
export function InlineBar({ value, max, className }: { value: number; max: number; className?: string }) {
  const pct = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <div aria-hidden className={cn("h-2 w-full min-w-16 overflow-hidden rounded-full bg-muted", className)}>
      <div className="h-full rounded-full bg-brand" style={{ width: `${pct}%` }} />
    </div>
  );
}
