// Uploads: multipart for small clients, resumable (tus) slots for the app's own form.
import { z } from "zod";
import { idSchema, timestampSchema } from "./common";

export const uploadedImageSchema = z
  .object({
    asset_id: idSchema.meta({ description: "What a generation's image input refers to." }),
    url: z.string(),
    path: z.string(),
    mime: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    bytes: z.number().int(),
  })
  .meta({ id: "UploadedImage" });

export const multipartUploadRequest = z.object({
  files: z.array(z.string().meta({ format: "binary" })).meta({ description: "One or more image files." }),
});
export const multipartUploadResponse = z.object({ files: z.array(uploadedImageSchema) });

export const uploadSlotRequest = z.object({
  name: z.string().trim().min(1).max(255),
  size: z.number().int().positive(),
  type: z.string().max(255).default(""),
});

export const uploadSlotResponse = z
  .object({
    id: idSchema,
    kind: z.enum(["image"]),
    path: z.string(),
    maxBytes: z.number().int(),
    expiresAt: timestampSchema,
    completeUrl: z.string(),
    tus: z.object({
      endpoint: z.string(),
      headers: z.record(z.string(), z.string()),
      metadata: z.record(z.string(), z.string()),
      chunkSize: z.number().int(),
    }),
  })
  .meta({ id: "UploadSlot" });
