"use client";
// Upscale, remove background, restore face: one image in, one out, compared with a slider.
import { useState } from "react";
import type { Tool } from "@/lib/models/tools";
import { BeforeAfter } from "./before-after";
import type { PickedImage } from "./history-images";
import { ImagePicker } from "./image-picker";
import { ToolPanel } from "./tool-panel";

export function SingleImageTool({
  tool,
  actionLabel,
  initial,
}: {
  tool: Tool;
  actionLabel: string;
  initial: PickedImage | null;
}) {
  const [image, setImage] = useState<PickedImage | null>(initial);
  return (
    <ToolPanel
      tool={tool}
      actionLabel={actionLabel}
      handled={["image"]}
      input={() => (image ? { image: image.url } : {})}
      blocker={() => (image ? null : "Pick an image first.")}
      parentId={image?.parentId}
      result={(item) => (
        <BeforeAfter
          before={typeof item.input.image === "string" ? item.input.image : (image?.url ?? "")}
          after={item.outputs[0]?.url ?? ""}
          alt={actionLabel}
        />
      )}
    >
      {() => <ImagePicker label="Image" value={image} onChange={setImage} />}
    </ToolPanel>
  );
}
