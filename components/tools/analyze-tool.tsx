"use client";
// Analyze: an image in, a description and a ready prompt out, with "use this prompt".
import { useState } from "react";
import type { PickedImage } from "./history-images";
import { ImagePicker } from "./image-picker";
import { TextOutputs } from "./text-results";
import { ToolPanel } from "./tool-panel";

/** What the description should cover; the model's own instructions say how to answer. */
const FOCUS = "Cover the subject, the setting, the light and the style.";

export function AnalyzeTool({ initial }: { initial: PickedImage | null }) {
  const [image, setImage] = useState<PickedImage | null>(initial);
  return (
    <ToolPanel
      tool="describe"
      actionLabel="Describe"
      handled={["task", "image", "count", "prompt"]}
      input={() => ({ task: "describe", prompt: FOCUS, ...(image && { image: image.url }) })}
      blocker={() => (image ? null : "Pick an image first.")}
      parentId={image?.parentId}
      result={(item) => <TextOutputs outputs={item.outputs} />}
    >
      {() => <ImagePicker label="Image" value={image} onChange={setImage} />}
    </ToolPanel>
  );
}

export function BrainstormTool() {
  return (
    <ToolPanel
      tool="text"
      actionLabel="Brainstorm"
      handled={["task", "image"]}
      input={() => ({ task: "brainstorm" })}
      result={(item) => <TextOutputs outputs={item.outputs} />}
    />
  );
}
