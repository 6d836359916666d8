import { sql } from "@/lib/db/client";
import { mode } from "@/lib/env";
import { liveMode } from "@/lib/live/mode";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await sql`select 1`;
    return Response.json({ status: "ok", db: "ok", mode, live: liveMode });
  } catch {
    return Response.json({ status: "degraded", db: "unreachable", mode, live: liveMode }, { status: 503 });
  }
}

export * from "@/lib/api/method-fallbacks";
