import { clientIp } from "@/lib/auth/client-address";

export { clientIp } from "@/lib/auth/client-address";

/** What a session records about where it was started. */
export function requestMeta(req: { headers: Headers }) {
  return { ip: clientIp(req), userAgent: req.headers.get("user-agent")?.slice(0, 300) ?? null };
}
