// A flow's graph is React Flow's own object: `{ nodes, edges, viewport? }`. These schemas keep
// what the flow needs (id, type, position, data; an edge's ends and handles) and drop what the
// editor adds for itself (selection, measured size, dragging), so a saved graph is the flow and
// nothing else. Browser-safe: the editor parses with the same schemas the API does.
import { z } from "zod";

export const MAX_NODES = 200;
export const MAX_EDGES = 500;
export const MAX_TEXT_LENGTH = 4000;
const MAX_ID_LENGTH = 200;
const MAX_PARAMS = 50;

export const NODE_TYPES = ["text", "image", "generate", "llm", "output"] as const;
export type NodeType = (typeof NODE_TYPES)[number];

const id = z
  .string()
  .min(1, "must not be empty")
  .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`);
const finite = z.number().refine(Number.isFinite, "must be a finite number");
const label = z.string().max(100, "must be at most 100 characters").optional();
const position = z.object({ x: finite, y: finite });
const params = z
  .record(z.string(), z.unknown())
  .refine((p) => Object.keys(p).length <= MAX_PARAMS, `must have at most ${MAX_PARAMS} fields`)
  .default({});
const httpUrl = z
  .string()
  .max(2048, "must be at most 2048 characters")
  .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), "must be an http(s) URL");

export const textData = z.object({
  text: z.string().max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`).default(""),
  label,
});
export const imageData = z.object({
  asset_id: z.uuid("must be an asset id").optional(),
  url: httpUrl.optional(),
  label,
});
/** A catalog model run on its inputs; tools (upscale, background removal) are generate nodes too. */
export const generateData = z.object({
  model: z.string().min(1, "is required").max(100),
  params,
  label,
});
/**
 * A text model. Without a seed and with a temperature above zero it is not deterministic, so a
 * finished result is reused only while `pinned`.
 */
export const llmData = z.object({
  model: z.string().min(1).max(100).optional(),
  params,
  pinned: z.boolean().optional(),
  label,
});
export const outputData = z.object({ label });

const node = <T extends NodeType, D extends z.ZodType>(type: T, data: D) =>
  z.object({ id, type: z.literal(type), position, data });

export const flowNodeSchema = z.discriminatedUnion(
  "type",
  [
    node("text", textData),
    node("image", imageData),
    node("generate", generateData),
    node("llm", llmData),
    node("output", outputData),
  ],
  { error: `type: must be one of ${NODE_TYPES.join(", ")}` },
);

export const flowEdgeSchema = z.object({
  id,
  source: id,
  sourceHandle: id.nullish(),
  target: id,
  targetHandle: id.nullish(),
});

export const viewportSchema = z.object({ x: finite, y: finite, zoom: finite });

export const MAX_INPUTS = 50;
/** An input's name: the JSON property a caller sets, so letters, digits and `_` only. */
export const INPUT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/**
 * A node field the flow asks for when it is run with just its inputs (the simple form, the API):
 * the text of a Text node (`text`), the image of an Image node (`image`), or a Generate node's
 * setting (`params.<name>`). Listed in the order the form shows them; `default` stands in when a
 * run leaves the input out, and without it the node's own value does.
 */
export const flowInputSchema = z.object({
  id: z
    .string()
    .regex(INPUT_NAME, "must start with a letter and hold only letters, digits and _ (at most 40)"),
  node_id: id,
  field: z.string().min(1, "must not be empty").max(120, "must be at most 120 characters"),
  label: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  default: z.unknown().optional(),
});

export const flowGraphSchema = z.object({
  nodes: z.array(flowNodeSchema).max(MAX_NODES, `a flow holds at most ${MAX_NODES} nodes`),
  edges: z.array(flowEdgeSchema).max(MAX_EDGES, `a flow holds at most ${MAX_EDGES} edges`).default([]),
  viewport: viewportSchema.optional(),
  /** Absent on a flow that exposes nothing, so older graphs read back unchanged. */
  inputs: z.array(flowInputSchema).max(MAX_INPUTS, `a flow exposes at most ${MAX_INPUTS} inputs`).optional(),
});

export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
export type FlowGraph = z.infer<typeof flowGraphSchema>;
export type FlowInput = z.infer<typeof flowInputSchema>;
export type NodeOf<T extends NodeType> = Extract<FlowNode, { type: T }>;

export const EMPTY_GRAPH: FlowGraph = { nodes: [], edges: [] };
