// Starter flows, as data: each is an ordinary graph the API copies into a new flow
// (`POST /api/flows { template }`) and serves at `GET /api/flow-templates`. Browser-safe.
import type { FlowEdge, FlowGraph, FlowNode } from "@/lib/flows/graph-schema";
import { DEFAULT_TEXT_MODEL } from "@/lib/flows/llm-step";
import type { FlowTemplate } from "@/lib/flows/run-types";

const COLUMN = 320;
const ROW = 180;
const at = (column: number, row: number) => ({ x: column * COLUMN, y: row * ROW });

const edge = (source: string, sourceHandle: string, target: string, targetHandle: string): FlowEdge => ({
  id: `${source}-${target}-${targetHandle}`,
  source,
  sourceHandle,
  target,
  targetHandle,
});

const graph = (nodes: FlowNode[], edges: FlowEdge[]): FlowGraph => ({ nodes, edges });

export const FLOW_TEMPLATES: readonly FlowTemplate[] = [
  {
    id: "text-image-upscale",
    name: "Text → image → upscale",
    description: "Write a prompt, make an image with FLUX [schnell] and upscale it 4×.",
    graph: graph(
      [
        {
          id: "prompt",
          type: "text",
          position: at(0, 0),
          data: { text: "A lighthouse on a cliff at dawn, film photo" },
        },
        { id: "image", type: "generate", position: at(1, 0), data: { model: "flux-schnell", params: {} } },
        {
          id: "upscale",
          type: "generate",
          position: at(2, 0),
          data: { model: "real-esrgan", params: { scale: 4 } },
        },
        { id: "output", type: "output", position: at(3, 0), data: {} },
      ],
      [
        edge("prompt", "text", "image", "prompt"),
        edge("image", "image", "upscale", "image"),
        edge("upscale", "image", "output", "image"),
      ],
    ),
  },
  {
    id: "edit-to-video",
    name: "Image + prompt → edit → video",
    description: "Edit your image with an instruction (FLUX Kontext), then animate the result with Kling.",
    graph: graph(
      [
        { id: "source", type: "image", position: at(0, 0), data: { label: "Your image" } },
        {
          id: "instruction",
          type: "text",
          position: at(0, 1),
          data: { text: "Make it a snowy winter evening" },
        },
        { id: "edit", type: "generate", position: at(1, 0), data: { model: "flux-kontext-pro", params: {} } },
        {
          id: "motion",
          type: "text",
          position: at(1, 1),
          data: { text: "Slow push-in, snow falling gently" },
        },
        {
          id: "video",
          type: "generate",
          position: at(2, 0),
          data: { model: "kling-2-5-turbo-i2v", params: {} },
        },
        { id: "output", type: "output", position: at(3, 0), data: {} },
      ],
      [
        edge("source", "image", "edit", "image"),
        edge("instruction", "text", "edit", "prompt"),
        edge("edit", "image", "video", "first_frame"),
        edge("motion", "text", "video", "prompt"),
        edge("video", "video", "output", "video"),
      ],
    ),
  },
  {
    id: "enhance-four-models",
    name: "Prompt → LLM enhance → 4 models",
    description: "Let a text model enrich a short idea, then compare four image models side by side.",
    graph: graph(
      [
        { id: "idea", type: "text", position: at(0, 1.5), data: { text: "a cozy reading nook" } },
        {
          id: "enhance",
          type: "llm",
          position: at(1, 1.5),
          data: {
            model: DEFAULT_TEXT_MODEL,
            params: { mode: "enhance", instruction: "Keep it under 60 words." },
          },
        },
        // Two by two, far enough apart that each keeps room for its result's thumbnail.
        ...["flux-schnell", "flux-1-1-pro", "fal-flux-dev", "gemini-2-5-flash-image"].map(
          (model, i): FlowNode => ({
            id: model,
            type: "generate",
            position: at(2 + (i % 2), i < 2 ? 0 : 3),
            data: { model, params: {} },
          }),
        ),
        { id: "output", type: "output", position: at(4, 1.5), data: { label: "Side by side" } },
      ],
      [
        edge("idea", "text", "enhance", "prompt"),
        ...["flux-schnell", "flux-1-1-pro", "fal-flux-dev", "gemini-2-5-flash-image"].flatMap((model) => [
          edge("enhance", "text", model, "prompt"),
          edge(model, "image", "output", "image"),
        ]),
      ],
    ),
  },
];

export function findTemplate(id: string): FlowTemplate | undefined {
  return FLOW_TEMPLATES.find((t) => t.id === id);
}
