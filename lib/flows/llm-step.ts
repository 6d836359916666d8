// An LLM text node as the engine runs it: a text model (Gemini by default) asked to enhance a
// prompt or brainstorm variations of it, with the node's instruction added to what it is given.
// Above temperature 0 a text model answers differently each time, so its result is reused only
// while the node is pinned. Pure and browser-safe: the editor shows the same defaults.
import type { NodeOf } from "@/lib/flows/graph-schema";

/** The text model an LLM node runs when it names none. */
export const DEFAULT_TEXT_MODEL = "gemini-text";
/** What an LLM node does when it does not say: the model's `task`. */
export const DEFAULT_LLM_MODE = "enhance";
/** The temperature an LLM node runs at when it does not say; the editor shows the same. */
export const DEFAULT_LLM_TEMPERATURE = 0.7;

export const llmModelOf = (node: NodeOf<"llm">): string => node.data.model ?? DEFAULT_TEXT_MODEL;

export function llmTemperatureOf(node: NodeOf<"llm">): number {
  const t = node.data.params.temperature;
  return typeof t === "number" && Number.isFinite(t) ? t : DEFAULT_LLM_TEMPERATURE;
}

/** Whether a finished result with the node's key may stand in for running it. */
export const llmReusable = (node: NodeOf<"llm">): boolean =>
  node.data.pinned === true || llmTemperatureOf(node) === 0;

/** The node's parameters as its model's: `mode` is the model's task, the instruction stays apart. */
export function llmModelParams(node: NodeOf<"llm">): {
  params: Record<string, unknown>;
  instruction: string;
} {
  const { mode, instruction, temperature: _t, ...rest } = node.data.params;
  return {
    params: { ...rest, task: mode ?? DEFAULT_LLM_MODE, temperature: llmTemperatureOf(node) },
    instruction: typeof instruction === "string" ? instruction.trim() : "",
  };
}

/** What the model is asked: the text it is given, then the node's instruction. */
export function withInstruction(prompt: unknown, instruction: string): unknown {
  if (!instruction) return prompt;
  return typeof prompt === "string" && prompt.trim()
    ? `${prompt}\n\nInstruction: ${instruction}`
    : instruction;
}
