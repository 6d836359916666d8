// Generations: create, price, list, read, cancel, delete, lineage.
import { z } from "zod";
import { galleryFilterShape } from "@/lib/gallery/list-filter";
import { GENERATION_STATUSES, PROVIDER_STATUSES } from "@/lib/generations/status";
import { providerSchema } from "./catalog";
import { idSchema, timestampSchema } from "./common";

const modelInput = z
  .record(z.string(), z.unknown())
  .default({})
  .meta({
    description:
      "The model's inputs by name (see GET /api/models `params`). Image inputs (`image`, `mask`, " +
      "`reference_images`, `first_frame`, `last_frame`) take an asset id or a URL from /api/upload or the list.",
  });

export const createGenerationRequest = z.object({
  model: z.string({ error: "model is required" }).min(1, "model is required"),
  input: modelInput,
  /** The output this one iterates on ("use as input"); ignored unless it is the caller's. */
  parent_generation_id: z.uuid({ error: "parent_generation_id must be a generation id" }).optional(),
  variations: z
    .int({ error: "must be a whole number" })
    .min(1, "must be from 1 to 4")
    .max(4, "must be from 1 to 4")
    .optional()
    .meta({
      description: "How many generations of this input to start, each charged and refunded on its own.",
    }),
  session_id: z.uuid({ error: "session_id must be a session id" }).optional().meta({
    description:
      "The session to work in. Without one, the generation joins its parent's session, else a new session titled from its prompt.",
  }),
});

export const createGenerationResponse = z.object({
  id: idSchema,
  status: z.enum(GENERATION_STATUSES),
  ids: z
    .array(idSchema)
    .meta({ description: "Every generation started (one per variation); `id` is the first." }),
  session_id: idSchema.nullable(),
});

export const estimateRequest = z.object({
  model: z.string({ error: "model is required" }).min(1, "model is required"),
  input: modelInput,
});
export const estimateResponse = z.object({ credits: z.number().int() });

const outputSchema = z
  .object({
    asset_id: idSchema.nullable(),
    url: z.string().meta({ description: "Signed URL of the stored file; valid for at least an hour." }),
    thumbnail_url: z.string().nullable().meta({
      description:
        "Signed URL of a WebP within 512 px: an image's thumbnail, a video's poster (its first frame).",
    }),
    mime: z.string(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    duration: z.number().nullable().meta({ description: "A video's length in seconds; null for images." }),
    last_frame_asset_id: idSchema
      .nullable()
      .meta({ description: "A video's last frame (asset role `frame`), to start the next clip from." }),
    last_frame_url: z
      .string()
      .nullable()
      .meta({ description: "Signed URL of a video's last frame: a full-size JPEG." }),
    text: z.string().optional().meta({ description: "Text outputs (kind `text`): the text itself." }),
    label: z
      .enum(["description", "prompt", "idea", "text"])
      .optional()
      .meta({ description: "Text outputs: which part of the answer this is." }),
  })
  .meta({ id: "Output" });

export const generationSchema = z
  .object({
    id: idSchema,
    model: z.string(),
    provider: providerSchema,
    kind: z.enum(["image", "video", "text"]),
    status: z.enum(GENERATION_STATUSES),
    provider_status: z.enum(PROVIDER_STATUSES).nullable().meta({
      description:
        "What the provider last said about the running job: `queued`, `starting` (the model is booting) or `processing`; null before it said anything.",
    }),
    started_at: timestampSchema
      .nullable()
      .meta({ description: "When the provider started the job (status `processing`)." }),
    progress: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .meta({ description: "How far the running job is, 0–1, where the provider's logs tell." }),
    prompt: z.string().nullable(),
    error: z.string().nullable(),
    outputs: z.array(outputSchema),
    created_at: timestampSchema,
    completed_at: timestampSchema.nullable(),
    starred: z.boolean(),
    tags: z.array(z.string()),
    session_id: idSchema.nullable(),
    trashed_at: timestampSchema
      .nullable()
      .meta({ description: "When it went to the trash; null outside it." }),
  })
  .meta({ id: "Generation" });

export const generationDetailSchema = generationSchema
  .extend({
    input: z.record(z.string(), z.unknown()),
    receipt: z.object({
      estimated_credits: z.number().int(),
      charged_credits: z.number().int(),
      refunded: z.boolean(),
    }),
    parent_generation_id: idSchema.nullable(),
    submitted_at: timestampSchema.nullable(),
    latest_log: z.string().nullable().meta({ description: "The last line of the provider's logs." }),
    flow: z
      .object({ flow_id: idSchema, run_id: idSchema, node_id: z.string() })
      .nullable()
      .meta({ description: "The flow run and node this generation was a step of." }),
  })
  .meta({ id: "GenerationDetail" });

export const generationListResponse = z.object({
  items: z.array(generationSchema),
  next_cursor: z
    .string()
    .nullable()
    .meta({ description: "Pass as `cursor` for the next page; null at the end." }),
});

/** What the list and the trash answer: a page, or nothing new since the ETag sent. */
export const listPageResponses = {
  200: { description: "A page", schema: generationListResponse },
  304: { description: "Unchanged since the ETag sent in If-None-Match" },
};

export const cancelResponse = z.object({ id: idSchema, status: z.enum(GENERATION_STATUSES) });

const lineageNode = z
  .object({
    id: idSchema,
    model: z.string(),
    status: z.enum(GENERATION_STATUSES),
    thumbnail_url: z.string().nullable(),
    depth: z.number().int().meta({ description: "1 for a direct parent or child." }),
  })
  .meta({ id: "LineageNode" });

export const lineageResponse = z.object({
  id: idSchema,
  ancestors: z.array(lineageNode),
  descendants: z.array(lineageNode),
});

export const MAX_PAGE_SIZE = 100;

export const listQuery = z
  .object({
    limit: z.coerce
      .number()
      .int()
      .min(1, "limit must be at least 1")
      .max(1000)
      .default(30)
      .transform((n) => Math.min(n, MAX_PAGE_SIZE))
      .meta({ description: `Page size; at most ${MAX_PAGE_SIZE} are returned.` }),
    cursor: z.string().max(200).optional(),
    ...galleryFilterShape,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "must not be after to", path: ["from"] });
