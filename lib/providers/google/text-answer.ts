import "server-only";
// A Gemini text answer becomes the outputs of a text generation; the instructions it runs
// under are the task's system prompt, as an admin last saved it (Admin → Settings) or the
// built-in one. Settings are cached for seconds, so an edit applies without a restart.
import type { GenerateContentResponse } from "@google/genai";
import { DEFAULT_SYSTEM_PROMPTS, readAnswer, type TextTask } from "@/lib/models/text-tasks";
import type { JobState } from "@/lib/providers/types";
import { getSetting } from "@/lib/settings/settings";

export async function systemPromptFor(task: TextTask): Promise<string> {
  const saved = (await getSetting("system_prompts"))[task]?.trim();
  return saved || DEFAULT_SYSTEM_PROMPTS[task];
}

export function geminiTextState(task: TextTask, response: GenerateContentResponse): JobState {
  const candidate = response.candidates?.[0];
  const answer = (candidate?.content?.parts ?? [])
    .flatMap((part) => (part.text && !part.thought ? [part.text] : []))
    .join("")
    .trim();
  const reason = candidate?.finishReason ?? response.promptFeedback?.blockReason;
  // Only a finished answer counts: a refusal (SAFETY, …) may explain itself in text too.
  const finished = reason === undefined || reason === "STOP";
  const texts = finished ? readAnswer(task, answer) : [];
  if (texts.length > 0) return { status: "succeeded", sources: [], texts };
  if (answer === "" || !finished)
    return {
      status: "failed",
      error: `Gemini returned no answer${reason ? ` (${reason})` : ""}${answer ? `: ${answer.slice(0, 300)}` : "."}`,
    };
  return { status: "failed", error: "Gemini's answer was not in the expected shape." };
}
