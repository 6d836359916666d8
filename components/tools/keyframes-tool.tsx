"use client";
// Keyframes: a clip that starts on one image and ends on another, on any model taking both.
import { useState } from "react";
import type { PickedImage } from "./history-images";
import { ImagePicker } from "./image-picker";
import { ToolPanel } from "./tool-panel";

export function KeyframesTool({ initial }: { initial: PickedImage | null }) {
  const [first, setFirst] = useState<PickedImage | null>(initial);
  const [last, setLast] = useState<PickedImage | null>(null);
  return (
    <ToolPanel
      tool="keyframes"
      actionLabel="Make video"
      handled={["first_frame", "last_frame"]}
      input={() => ({ ...(first && { first_frame: first.url }), ...(last && { last_frame: last.url }) })}
      blocker={() => (!first ? "Pick the first frame." : !last ? "Pick the last frame." : null)}
      parentId={first?.parentId}
      result={(item) => (
        // biome-ignore lint/a11y/useMediaCaption: generated clips have no caption track.
        <video
          src={item.outputs[0]?.url}
          controls
          playsInline
          className="w-full rounded-xl bg-black"
          data-testid="keyframes-video"
        />
      )}
    >
      {() => (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
          <ImagePicker label="First frame" value={first} onChange={setFirst} />
          <ImagePicker label="Last frame" value={last} onChange={setLast} />
        </div>
      )}
    </ToolPanel>
  );
}
