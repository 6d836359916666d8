import "server-only";
// Shared parsing for admin routes: ids from the path, query strings through zod.
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { AppError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/** A uuid path segment; anything else is a 404 (it cannot name a row). */
export function uuidParam(params: Record<string, string | string[] | undefined>, name = "id"): string {
  const value = params[name];
  if (typeof value !== "string" || !UUID.test(value)) throw new AppError("not_found", "Not found.");
  return value.toLowerCase();
}

export function stringParam(params: Record<string, string | string[] | undefined>, name: string): string {
  const value = params[name];
  if (typeof value !== "string" || value === "") throw new AppError("not_found", "Not found.");
  return value;
}

/** Parses the query string; empty values count as absent. */
export function parseQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.output<S> {
  const entries = [...req.nextUrl.searchParams].filter(([, value]) => value.trim() !== "");
  return schema.parse(Object.fromEntries(entries));
}

/** `%` and `_` are wildcards in LIKE; a search for them should find them literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
