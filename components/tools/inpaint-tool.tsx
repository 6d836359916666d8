"use client";
// Inpaint: pick an image, paint the area to change, describe what goes there. The painted
// mask is uploaded as a mask asset when the run starts.
import { useRef, useState } from "react";
import { fetchJson } from "@/components/providers/fetch-json";
import type { UploadedImage } from "@/lib/uploads/limits";
import { BeforeAfter } from "./before-after";
import type { PickedImage } from "./history-images";
import { ImagePicker } from "./image-picker";
import { type MaskHandle, MaskPainter } from "./mask-painter";
import { ToolPanel } from "./tool-panel";

async function uploadMask(blob: Blob): Promise<UploadedImage> {
  const form = new FormData();
  form.append("files", new File([blob], "mask.png", { type: "image/png" }));
  form.append("role", "mask");
  const { files } = await fetchJson<{ files: UploadedImage[] }>("/api/upload", {
    method: "POST",
    body: form,
  });
  const [mask] = files;
  if (!mask) throw new Error("The mask could not be uploaded.");
  return mask;
}

export function InpaintTool({ initial }: { initial: PickedImage | null }) {
  const [image, setImage] = useState<PickedImage | null>(initial);
  const painter = useRef<MaskHandle | null>(null);
  return (
    <ToolPanel
      tool="inpaint"
      actionLabel="Inpaint"
      handled={["image", "mask"]}
      input={() => (image ? { image: image.url } : {})}
      blocker={() =>
        !image
          ? "Pick an image first."
          : painter.current?.isEmpty() !== false
            ? "Paint the area to change first."
            : null
      }
      prepare={async () => {
        const handle = painter.current;
        if (!handle) throw new Error("Paint the area to change first.");
        return { mask: (await uploadMask(await handle.toPng())).asset_id };
      }}
      parentId={image?.parentId}
      result={(item) => (
        <BeforeAfter
          before={typeof item.input.image === "string" ? item.input.image : (image?.url ?? "")}
          after={item.outputs[0]?.url ?? ""}
          alt="Inpaint"
        />
      )}
    >
      {() => (
        <>
          <ImagePicker label="Image" value={image} onChange={setImage} preview={false} />
          {image ? <MaskPainter src={image.url} handle={painter} /> : null}
        </>
      )}
    </ToolPanel>
  );
}
