// The flow list's miniature of a template: every node and edge drawn where its graph puts it,
// including flows laid out in a single row or column (the "Text to image" starter is one row).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { FlowGraph } from "@/components/flows/api";
import { GraphPreview } from "@/components/flows/list/graph-preview";

const node = (id: string, x: number, y: number) =>
  ({ id, type: "generate", position: { x, y }, data: {} }) as FlowGraph["nodes"][number];
const edge = (source: string, target: string) =>
  ({ id: `${source}-${target}`, source, target }) as FlowGraph["edges"][number];

function draw(graph: Pick<FlowGraph, "nodes" | "edges">) {
  const html = renderToStaticMarkup(createElement(GraphPreview, { graph: graph as FlowGraph }));
  const lines = [...html.matchAll(/<line x1="([^"]*)" y1="([^"]*)" x2="([^"]*)" y2="([^"]*)"/g)].map((m) =>
    m.slice(1).map(Number),
  );
  const dots = [...html.matchAll(/left:([^;"]*)%;top:([^;"]*)%/g)].map((m) => m.slice(1).map(Number));
  return { html, lines, dots };
}

describe("GraphPreview", () => {
  it("draws a one-row flow on the middle line, edges included", () => {
    const { html, lines, dots } = draw({
      nodes: [node("a", 0, 100), node("b", 300, 100), node("c", 600, 100)],
      edges: [edge("a", "b"), edge("b", "c")],
    });
    expect(html).not.toContain("NaN");
    expect(dots).toEqual([
      [10, 50],
      [50, 50],
      [90, 50],
    ]);
    expect(lines).toEqual([
      [10, 50, 50, 50],
      [50, 50, 90, 50],
    ]);
  });

  it("draws a one-column flow on the middle line", () => {
    const { html, dots } = draw({ nodes: [node("a", 40, 0), node("b", 40, 200)], edges: [edge("a", "b")] });
    expect(html).not.toContain("NaN");
    expect(dots).toEqual([
      [50, 15],
      [50, 85],
    ]);
  });

  it("spreads a grid over the whole preview", () => {
    const { dots } = draw({ nodes: [node("a", 0, 0), node("b", 200, 100)], edges: [] });
    expect(dots).toEqual([
      [10, 15],
      [90, 85],
    ]);
  });
});
