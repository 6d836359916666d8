// Parameter presets shared by several models, so the same field reads the same everywhere.
import { param } from "./params";

export const prompt = (label = "Prompt", help?: string) =>
  param.text({
    label,
    required: true,
    multiline: true,
    maxLength: 4000,
    placeholder: "Describe what you want",
    help,
  });

const NEGATIVE_HELP = "What to keep out of the result.";

export const negativePrompt = () =>
  param.text({ label: "Negative prompt", maxLength: 2000, advanced: true, help: NEGATIVE_HELP });

export const negativePromptWithDefault = (value: string) =>
  param.text({
    label: "Negative prompt",
    maxLength: 2000,
    default: value,
    advanced: true,
    help: NEGATIVE_HELP,
  });

export const numOutputs = (max: number) =>
  param.integer({ label: "Number of images", min: 1, max, default: 1, slider: true });

/** The output file format, an advanced option; options and default in the provider's own spelling. */
export const outputFormat = <const V extends string>(options: readonly V[], fallback: NoInfer<V>) =>
  param.select({ label: "Format", options, default: fallback, advanced: true });

/** Minutes to seconds, for `maxDurationSeconds`. */
export const minutes = (n: number) => n * 60;
