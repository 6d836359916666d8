// What a text model is asked to do, the answer shape each task asks Gemini for (structured
// output), and how an answer becomes a text generation's outputs. Pure: used by the catalog, the
// Google adapter and the pages alike.
import type { JsonValue } from "./types";

export const TEXT_TASKS = ["describe", "brainstorm", "enhance", "text"] as const;
export type TextTask = (typeof TEXT_TASKS)[number];

/** One output of a text generation: `label` says which part of the answer it is. */
export type TextOutput = { kind: "text"; mime: "text/plain"; label: TextLabel; text: string };
export type TextLabel = "description" | "prompt" | "idea" | "text";

const str = { type: "string" } as const;

/** The JSON schema the answer must follow (Gemini `responseJsonSchema`); null for free text. */
export function answerSchema(task: TextTask, count: number): JsonValue | null {
  switch (task) {
    case "describe":
      return {
        type: "object",
        properties: { description: str, prompt: str },
        required: ["description", "prompt"],
      };
    case "brainstorm":
      return {
        type: "object",
        properties: { ideas: { type: "array", items: str, minItems: count, maxItems: count } },
        required: ["ideas"],
      };
    case "enhance":
      return { type: "object", properties: { prompt: str }, required: ["prompt"] };
    case "text":
      return null;
  }
}

const item = (label: TextLabel, text: unknown): TextOutput[] =>
  typeof text === "string" && text.trim() !== ""
    ? [{ kind: "text", mime: "text/plain", label, text: text.trim() }]
    : [];

/** The outputs of an answer; empty when it is not of the asked shape (the job then fails). */
export function readAnswer(task: TextTask, answer: string): TextOutput[] {
  if (task === "text") return item("text", answer);
  let parsed: Record<string, unknown>;
  try {
    const value: unknown = JSON.parse(answer);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
    parsed = value as Record<string, unknown>;
  } catch {
    return [];
  }
  switch (task) {
    case "describe": {
      const parts = [...item("description", parsed.description), ...item("prompt", parsed.prompt)];
      return parts.length === 2 ? parts : [];
    }
    case "brainstorm":
      return Array.isArray(parsed.ideas) ? parsed.ideas.flatMap((idea) => item("idea", idea)) : [];
    case "enhance":
      return item("prompt", parsed.prompt);
  }
}

/**
 * The instructions each task starts from. Admins may replace any of them (Admin → Settings →
 * System prompts, under the task's name); a replaced one applies from the next request on.
 */
export const DEFAULT_SYSTEM_PROMPTS: Record<TextTask, string> = {
  describe:
    "You describe images for artists. Answer with `description`: two or three plain sentences on the subject, setting, colours, light and style; and `prompt`: one text-to-image prompt, under 60 words, that would recreate the image.",
  brainstorm:
    "You help artists find ideas. Given a theme, answer with `ideas`: distinct, vivid text-to-image prompts, each under 40 words, each a different take (subject, setting, style or mood).",
  enhance:
    "You improve text-to-image prompts. Keep the person's intent and subject; add concrete detail on composition, light, lens, colour and style. Answer with `prompt`: the improved prompt alone, under 80 words.",
  text: "You are a concise creative assistant for people making images and videos.",
};
