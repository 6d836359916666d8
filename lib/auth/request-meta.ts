import type { NextRequest } from "next/server";

// Behind Vercel or a reverse proxy the client address is the first X-Forwarded-For entry;
// the proxy in front must overwrite that header (Vercel and the documented nginx setup do).
export function clientIp(req: NextRequest): string | null {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || req.headers.get("x-real-ip") || null;
}

export function requestMeta(req: NextRequest) {
  return { ip: clientIp(req), userAgent: req.headers.get("user-agent")?.slice(0, 300) ?? null };
}
