// What a tag may be: a short label, stored lower-cased and trimmed so "Sky" and "sky " are one
// tag. Letters of any script, digits, spaces and a few joiners; nothing that needs escaping
// in a URL's path or looks like markup.
import { z } from "zod";

export const MAX_TAG_LENGTH = 40;
export const MAX_TAGS_PER_GENERATION = 20;

const TAG = /^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u;

export const tagSchema = z
  .string()
  .transform((value) => value.trim().replace(/\s+/g, " ").toLowerCase())
  .pipe(
    z
      .string()
      .min(1, "must not be empty")
      .max(MAX_TAG_LENGTH, `must be at most ${MAX_TAG_LENGTH} characters`)
      .regex(TAG, "may hold letters, digits, spaces, '.', '_' and '-'"),
  );
