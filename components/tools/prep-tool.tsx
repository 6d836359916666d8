"use client";
// Image prep on its own: prepare an image (crop, rotate, flip), then take it to create.
import { ArrowRightIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { PickedImage } from "./history-images";
import { ImagePicker } from "./image-picker";

export function PrepTool({ initial }: { initial: PickedImage | null }) {
  const [image, setImage] = useState<PickedImage | null>(initial);
  return (
    <div className="flex max-w-2xl flex-col gap-5">
      <ImagePicker label="Image" value={image} onChange={setImage} />
      {image ? (
        <Button asChild variant="brand" className="w-fit">
          <Link href={`/create?${new URLSearchParams({ image: image.url })}`}>
            Use in Create <ArrowRightIcon />
          </Link>
        </Button>
      ) : null}
    </div>
  );
}
