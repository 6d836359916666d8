// The gallery's filters as the list API reads them from the query string. Every value ends up
// as a bound parameter; those cast in SQL (uuid, dates) are checked strictly first, so a bad one
// is a 400 naming the parameter, never a server error. Values that are well-formed but match
// nothing (a model never used, another person's session) simply find nothing.
import { z } from "zod";
import { calendarDaySchema } from "@/lib/api/dates";
import { tagSchema } from "@/lib/gallery/tags";
import { GENERATION_STATUSES } from "@/lib/generations/status";

export const PROVIDERS = ["replicate", "fal", "google"] as const;
export const MAX_QUERY_LENGTH = 200;

const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);

export const galleryFilterShape = {
  q: z.preprocess(
    (value) => (typeof value === "string" ? value.trim() || undefined : value),
    z.string().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`).optional(),
  ),
  model: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .max(100)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, "is not a model id")
      .optional(),
  ),
  provider: z.preprocess(emptyAsUnset, z.enum(PROVIDERS).optional()),
  status: z.preprocess(emptyAsUnset, z.enum(GENERATION_STATUSES).optional()),
  kind: z.preprocess(emptyAsUnset, z.enum(["image", "video", "text"]).optional()),
  session: z.preprocess(emptyAsUnset, z.uuid({ error: "must be a session id" }).optional()),
  tag: z.preprocess(emptyAsUnset, tagSchema.optional()),
  starred: z.preprocess(
    emptyAsUnset,
    z
      .enum(["true", "false", "1", "0"], { error: "must be true or false" })
      .transform((value) => value === "true" || value === "1")
      .optional(),
  ),
  from: z.preprocess(emptyAsUnset, calendarDaySchema.optional()),
  to: z.preprocess(emptyAsUnset, calendarDaySchema.optional()),
};

export type GalleryFilter = {
  q?: string;
  model?: string;
  provider?: (typeof PROVIDERS)[number];
  status?: (typeof GENERATION_STATUSES)[number];
  kind?: "image" | "video" | "text";
  session?: string;
  tag?: string;
  starred?: boolean;
  /** Whole UTC days, both inclusive. */
  from?: string;
  to?: string;
};

export const galleryFilterSchema = z
  .object(galleryFilterShape)
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "must not be after to", path: ["from"] });

/** ILIKE pattern for a substring: `%`, `_` and `\` in what people type are literal characters. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
