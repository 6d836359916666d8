import type { ReactNode } from "react";
import { FormMessage } from "@/components/ui/form-message";

/** The error line for a failed query, or nothing. */
export function QueryError({ error }: { error: unknown }): ReactNode {
  if (!error) return null;
  return <FormMessage>{error instanceof Error ? error.message : "Could not load this."}</FormMessage>;
}
