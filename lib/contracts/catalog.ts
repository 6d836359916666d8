// The model catalog as clients see it (lib/models-lite.ts builds it).
import { z } from "zod";
import { TOOLS } from "@/lib/models/tools";

export const providerSchema = z.enum(["replicate", "fal", "google"]);

const paramSchema = z
  .object({
    name: z.string(),
    type: z.enum(["string", "integer", "number", "boolean", "enum", "image", "images"]),
    label: z.string(),
    required: z.boolean().optional(),
  })
  .meta({ id: "ModelParam", description: "One input field of a model, enough to render a form." });

const portSchema = z.object({
  name: z.string(),
  kind: z.enum(["text", "image", "images", "mask"]),
  required: z.boolean(),
  label: z.string(),
});

export const modelSchema = z
  .object({
    id: z.string(),
    provider: providerSchema,
    kind: z.enum(["image", "video", "text"]),
    name: z.string(),
    description: z.string(),
    tools: z.array(z.enum(TOOLS)),
    ports: z.object({ inputs: z.array(portSchema), output: z.enum(["image", "video", "text"]) }),
    maxReferenceImages: z.number().int().optional(),
    price: z.object({ unit: z.enum(["image", "second", "megapixel"]), credits: z.number() }),
    params: z.array(paramSchema),
  })
  .meta({ id: "Model" });

export const modelsQuery = z.object({ tool: z.enum(TOOLS).optional() });
export const modelsResponse = z.array(modelSchema);
