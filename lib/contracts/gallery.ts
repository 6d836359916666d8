// The gallery's operations beyond the list: bulk actions, the trash, "select all matching",
// tags and the zip download.
import { z } from "zod";
import { tagSchema } from "@/lib/gallery/tags";
import { idSchema } from "./common";

export const MAX_BULK_IDS = 10_000;
export const BULK_ACTIONS = ["star", "unstar", "tag", "untag", "move", "delete", "restore"] as const;

export const bulkRequest = z
  .object({
    action: z.enum(BULK_ACTIONS),
    ids: z
      .array(z.uuid({ error: "must hold generation ids" }))
      .min(1, "must name at least one generation")
      .max(MAX_BULK_IDS, `must hold at most ${MAX_BULK_IDS} ids`),
    tag: tagSchema.optional().meta({ description: "For tag and untag." }),
    session: z
      .uuid({ error: "must be a session id" })
      .nullable()
      .optional()
      .meta({ description: "For move: the session to move into; null takes them out of their session." }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.action === "tag" || body.action === "untag") && body.tag === undefined)
      ctx.addIssue({ code: "custom", path: ["tag"], message: `is required to ${body.action}` });
    if (body.action === "move" && body.session === undefined)
      ctx.addIssue({ code: "custom", path: ["session"], message: "is required to move (null for none)" });
  });

export const bulkResponse = z.object({
  done: z.number().int().meta({ description: "The caller's generations the action applies to." }),
  skipped: z.number().int().meta({
    description:
      "Ids left alone: not the caller's, unknown, repeated, or not in a state the action applies to.",
  }),
  expired: z
    .number()
    .int()
    .optional()
    .meta({ description: "Restore only: skipped because their time in the trash is up." }),
});

export const matchingIdsQuery = z.object({ in: z.enum(["gallery", "trash"]).default("gallery") });
export const matchingIdsResponse = z.object({
  ids: z.array(idSchema),
  truncated: z
    .boolean()
    .meta({ description: "More matched than one bulk action takes; these are the newest." }),
});

export const tagsResponse = z.object({
  tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
});

export const MAX_DOWNLOAD_IDS = 10_000;
export const downloadRequest = z
  .object({
    ids: z
      .array(z.uuid({ error: "must hold generation ids" }))
      .min(1, "must name at least one generation")
      .max(MAX_DOWNLOAD_IDS, `must hold at most ${MAX_DOWNLOAD_IDS} ids`),
  })
  .strict();
