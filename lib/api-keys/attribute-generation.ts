import "server-only";
// Marks a generation as made with an API key, for usage per key (Admin → Usage). A separate
// statement after the reservation keeps the generation code unaware of keys; losing it to a
// crash in between only leaves the generation counted as the browser's.
import { sql } from "@/lib/db/client";

export async function attributeGenerationToKey(generationId: string, apiKeyId: string): Promise<void> {
  await sql`update generations set api_key_id = ${apiKeyId} where id = ${generationId} and api_key_id is null`;
}
