import { Skeleton } from "@/components/ui/skeleton";

export const GRID_CLASS =
  "grid grid-cols-2 gap-2 sm:grid-cols-3 sm:gap-3 md:grid-cols-4 lg:grid-cols-5 xl:grid-cols-6";

/** Square placeholders while a grid of generations loads. */
export function GridSkeleton() {
  return (
    <div className={GRID_CLASS} aria-busy="true">
      {Array.from({ length: 12 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders.
        <Skeleton key={i} className="aspect-square rounded-lg" />
      ))}
    </div>
  );
}
