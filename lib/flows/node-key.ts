// Content keys. A node's key names its result by everything that decides it: the node type, the
// model and its catalog version, the canonical parameters (seed included) and the keys of what
// flows into each input (a text's own key, an image's SHA-256). Two nodes with one key make the
// same thing, so a finished result with that key is reused instead of paid for again.
import { createHash } from "node:crypto";

/** Bumped when what goes into a key changes, so old keys stop matching. */
const KEY_VERSION = 1;

/** JSON with object keys sorted at every depth and undefined dropped: one spelling per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(",")}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

/** A piece of text flowing into an input. */
export const textKey = (text: string) => sha256Hex(canonicalJson({ v: KEY_VERSION, text }));

/** A file flowing into an input: its bytes' SHA-256, so the same image is the same input wherever it came from. */
export const fileKey = (sha256: string) => sha256;

/** An image known only by its link (an external URL): the link is all there is to go by. */
export const urlKey = (url: string) => sha256Hex(canonicalJson({ v: KEY_VERSION, url }));

/** What a model run depends on besides its inputs. */
export type KeyedRun = {
  type: "generate" | "llm";
  model: string;
  catalogVersion: string;
  params: Record<string, unknown>;
  /** Input name → the keys flowing into it, in edge order. */
  inputs: Record<string, readonly string[]>;
};

export function nodeKey(run: KeyedRun): string {
  return sha256Hex(
    canonicalJson({
      v: KEY_VERSION,
      type: run.type,
      model: run.model,
      catalog: run.catalogVersion,
      params: run.params,
      inputs: run.inputs,
    }),
  );
}

/**
 * A model's catalog version: what it runs (the provider's model and version) and the shape of
 * its parameters. A changed mapping or new defaults mean new results, so old ones stop matching;
 * a price change does not.
 */
export function catalogVersion(model: { providerRef: string; params: readonly unknown[] }): string {
  return sha256Hex(canonicalJson({ ref: model.providerRef, params: model.params })).slice(0, 16);
}
