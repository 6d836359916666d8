// Gemini as a text model: describe an image, brainstorm prompt ideas, enhance a prompt, or
// answer free text. Each task asks for a structured answer (lib/models/text-tasks.ts); the
// instructions are the admin-editable system prompts, read by the adapter when the job runs.
import { minutes } from "./common";
import { defineModel } from "./define";
import { defineParams, param } from "./params";
import { answerSchema, TEXT_TASKS, type TextTask } from "./text-tasks";
import type { GeminiPart } from "./types";

const TASK_LABELS: Record<TextTask, string> = {
  describe: "Describe an image",
  brainstorm: "Brainstorm prompts",
  enhance: "Enhance a prompt",
  text: "Free text",
};

const LEAD: Record<TextTask, string> = {
  describe: "Describe this image.",
  brainstorm: "Theme:",
  enhance: "Prompt to improve:",
  text: "",
};

export const geminiText = defineModel({
  id: "gemini-text",
  provider: "google",
  providerRef: "gemini-3.5-flash",
  name: "Gemini 3.5 Flash (text)",
  description: "Describe an image, brainstorm prompt ideas or enhance a prompt.",
  kind: "text",
  tools: ["describe", "text"],
  params: defineParams(
    {
      task: param.select({
        label: "Task",
        options: TEXT_TASKS.map((value) => ({ value, label: TASK_LABELS[value] })),
        default: "text",
      }),
      prompt: param.text({
        label: "Prompt",
        required: true,
        multiline: true,
        maxLength: 8000,
        placeholder: "A theme, a prompt, or what to look for in the image",
      }),
      image: param.image({ label: "Image", help: "The image to describe." }),
      count: param.integer({ label: "Ideas", min: 1, max: 8, default: 4, slider: true }),
      temperature: param.number({
        label: "Temperature",
        min: 0,
        max: 2,
        step: 0.1,
        slider: true,
        advanced: true,
        help: "0 answers the same way each time; higher values vary more. Empty: Gemini's default.",
      }),
    },
    [
      (input) =>
        input.task === "describe" && input.image === undefined
          ? { field: "image", message: "is required to describe an image" }
          : undefined,
    ],
  ),
  price: { unit: "request", credits: 1 },
  billableUnits: () => 1,
  maxDurationSeconds: minutes(2),
  enabled: true,
  toProviderInput: (input) => {
    const parts: GeminiPart[] = [{ text: [LEAD[input.task], input.prompt].filter(Boolean).join(" ") }];
    if (input.image) parts.push({ imageUrl: input.image });
    const schema = answerSchema(input.task, input.count);
    return {
      method: "generateContent",
      task: input.task,
      contents: [{ role: "user", parts }],
      config: {
        responseModalities: ["TEXT"],
        ...(schema && { responseMimeType: "application/json", responseJsonSchema: schema }),
        ...(input.temperature !== undefined && { temperature: input.temperature }),
      },
    };
  },
});

export const GOOGLE_TEXT_MODELS = [geminiText] as const;
