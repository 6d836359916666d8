"use client";

import { useMutation } from "@tanstack/react-query";
import { ApiError, fetchJson } from "@/components/providers/fetch-json";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, type UploadedImage } from "@/lib/uploads/limits";

export type UploadedFile = UploadedImage;
export { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES };
export const IMAGE_ACCEPT = "image/png,image/jpeg,image/webp,image/gif,image/avif";

/** Uploads reference images (POST /api/upload); the returned `url`s go into image params. */
export function useUpload() {
  return useMutation({
    mutationFn: async (files: File[]) => {
      const tooBig = files.find((file) => file.size > MAX_UPLOAD_BYTES);
      if (tooBig) throw new ApiError(400, `${tooBig.name} is larger than 10 MB.`);
      const notImage = files.find((file) => file.type !== "" && !file.type.startsWith("image/"));
      if (notImage) throw new ApiError(400, `${notImage.name} is not an image.`);
      const body = new FormData();
      for (const file of files.slice(0, MAX_UPLOAD_FILES)) body.append("files", file);
      const result = await fetchJson<{ files: UploadedFile[] }>("/api/upload", { method: "POST", body });
      return result.files;
    },
  });
}
