import { cn } from "@/lib/utils";
import type { FlowGraph } from "../api";

const DOT: Record<string, string> = {
  text: "bg-sky-500",
  image: "bg-amber-500",
  generate: "bg-brand",
  llm: "bg-sky-600",
  output: "bg-success",
};

/** A flow's shape in miniature: its nodes as dots in their columns, for cards without a result yet. */
export function GraphPreview({ graph, className }: { graph: FlowGraph; className?: string }) {
  const nodes = graph.nodes.slice(0, 40);
  if (nodes.length === 0) return null;
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // A flow in one row (or one column) has no span that way: it sits on the middle line.
  const scale = (value: number, min: number, max: number, from: number, size: number) =>
    max > min ? from + ((value - min) / (max - min)) * size : from + size / 2;
  const at = (id: string) => {
    const node = nodes.find((n) => n.id === id);
    if (!node) return null;
    return {
      x: scale(node.position.x, minX, maxX, 10, 80),
      y: scale(node.position.y, minY, maxY, 15, 70),
    };
  };
  return (
    <span aria-hidden className={cn("relative block size-full", className)}>
      <svg
        className="absolute inset-0 size-full text-border"
        viewBox="0 0 100 100"
        preserveAspectRatio="none"
        aria-hidden
      >
        {graph.edges.map((edge) => {
          const a = at(edge.source);
          const b = at(edge.target);
          return a && b ? (
            <line
              key={edge.id}
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
              stroke="currentColor"
              strokeWidth="1.5"
              vectorEffect="non-scaling-stroke"
            />
          ) : null;
        })}
      </svg>
      {nodes.map((node) => {
        const p = at(node.id);
        return p ? (
          <span
            key={node.id}
            className={cn(
              "-translate-x-1/2 -translate-y-1/2 absolute h-3 w-6 rounded-sm shadow-sm ring-2 ring-card",
              DOT[node.type],
            )}
            style={{ left: `${p.x}%`, top: `${p.y}%` }}
          />
        ) : null;
      })}
    </span>
  );
}
