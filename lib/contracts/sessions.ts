// The sessions API: requests (strict objects: a misspelt or foreign key is a 400, never
// silently ignored) and answers.
import { z } from "zod";
import { MAX_TITLE_LENGTH } from "@/lib/sessions/session-title";

const title = z
  .string({ error: "must be text" })
  .transform((value) => value.replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "must not be empty")
      .max(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`),
  );

export const SESSION_SORTS = ["recent", "created", "title"] as const;

export const listSessionsSchema = z.object({
  q: z.preprocess(
    (value) => (typeof value === "string" ? value.trim() || undefined : value),
    z.string().max(200).optional(),
  ),
  sort: z.enum(SESSION_SORTS).default("recent"),
  archived: z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  limit: z.coerce.number().int().min(1).max(200).default(60),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ListSessionsQuery = z.infer<typeof listSessionsSchema>;

export const createSessionSchema = z
  .object({
    title: title
      .optional()
      .meta({ description: "Left out, the session is named by the first prompt made in it." }),
  })
  .strict();

export const updateSessionSchema = z
  .object({ title: title.optional(), archived: z.boolean({ error: "must be true or false" }).optional() })
  .strict()
  .refine((body) => body.title !== undefined || body.archived !== undefined, {
    message: "send a title or archived",
  });
export type SessionUpdate = z.infer<typeof updateSessionSchema>;

const sessionSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    archived: z.boolean(),
    created_at: z.string(),
    last_activity_at: z.string(),
    count: z.number().int().meta({ description: "Generations in it, the trash left out." }),
    cover_url: z.string().nullable().meta({ description: "Its newest output's thumbnail (signed URL)." }),
    cover_kind: z.string().nullable(),
  })
  .meta({ id: "Session" });
export const sessionResponse = sessionSchema;

export const sessionListResponse = z.object({
  items: z.array(sessionSchema),
  next_offset: z.number().int().nullable(),
});

export const sessionDetailResponse = sessionSchema.extend({
  generations: z.array(
    z.looseObject({
      id: z.uuid(),
      input: z.record(z.string(), z.unknown()),
      cost: z.number().int(),
      duration_seconds: z.number().nullable(),
      parent_generation_id: z.uuid().nullable(),
    }),
  ),
  edges: z.array(
    z.object({
      from: z.uuid(),
      to: z.uuid(),
      slot: z.string().meta({ description: "The input slot (image, mask, reference, …) or `parent`." }),
    }),
  ),
});
