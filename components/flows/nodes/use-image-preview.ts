"use client";

import { useFlowStore } from "../store/flow-store-context";
import type { EditorNodeOf } from "../store/types";

/**
 * How to show an Image node's picture. The node names it by asset id, and the link comes with
 * the flow (the server signs it when the flow is read) or from the upload that chose it. Older
 * graphs named it by a link: one to our own files is resolved the same way, anyone else's is
 * shown as it is.
 */
export function useImagePreview(data: EditorNodeOf<"image">["data"]): string | undefined {
  return useFlowStore((s) =>
    data.asset_id ? s.images[data.asset_id] : data.url ? (s.images[data.url] ?? data.url) : undefined,
  );
}
