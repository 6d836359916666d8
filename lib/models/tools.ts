// What a model can be used for. Pages and flow nodes list models by tool, never by id, so a
// model added to the catalog shows up wherever its tool is offered.

export const TOOLS = [
  "generate",
  "edit",
  "inpaint",
  "expand",
  "upscale",
  "remove_background",
  "face_restore",
  "image_to_video",
  "keyframes",
  "describe",
  "text",
] as const;
export type Tool = (typeof TOOLS)[number];

export const TOOL_LABELS: Record<Tool, string> = {
  generate: "Generate",
  edit: "Edit",
  inpaint: "Inpaint",
  expand: "Expand",
  upscale: "Upscale",
  remove_background: "Remove background",
  face_restore: "Restore face",
  image_to_video: "Image to video",
  keyframes: "Keyframes",
  describe: "Describe",
  text: "Text",
};

export function isTool(value: string): value is Tool {
  return (TOOLS as readonly string[]).includes(value);
}

/** The models that serve `tool`, in catalog order (works on the full and the client catalog). */
export function modelsForTool<M extends { tools: readonly Tool[] }>(models: readonly M[], tool: Tool): M[] {
  return models.filter((model) => model.tools.includes(tool));
}
