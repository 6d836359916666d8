// Remembers where to go after an OAuth or Telegram sign-in the page is about to start, in a
// signed cookie (lib/auth/sign-in-intent.ts). No session is looked up, but the request must
// come from our own pages: a cross-site page must not be able to start a sign-in here.
import { NextResponse } from "next/server";
import { z } from "zod";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { setSignInIntent } from "@/lib/auth/sign-in-intent";
import { sessionSecret } from "@/lib/env";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

const intentSchema = z.object({ next: z.string({ error: "next is required" }).max(2048) });

export const POST = withApiLogging({ auth: "none" }, async ({ req }) => {
  assertSameOrigin(req);
  const { next } = await parseJson(req, intentSchema);
  const response = NextResponse.json({ ok: true });
  setSignInIntent(req, response, sessionSecret(), next);
  return response;
});

export * from "@/lib/api/method-fallbacks";
