// Pages that need a signed-in user; /admin also needs an admin role.
export const PROTECTED_PREFIXES = [
  "/create",
  "/history",
  "/result",
  "/video",
  "/analyze",
  "/brainstorm",
  "/inpaint",
  "/expand",
  "/keyframes",
  "/profile",
  "/workspaces",
  "/flow",
  "/flows",
  "/admin",
] as const;

const matches = (pathname: string, prefix: string) =>
  pathname === prefix || pathname.startsWith(`${prefix}/`);

export function isProtectedPath(pathname: string): boolean {
  return PROTECTED_PREFIXES.some((prefix) => matches(pathname, prefix));
}

export function isAdminPath(pathname: string): boolean {
  return matches(pathname, "/admin");
}

/** Only same-site relative paths may be a post-login destination (no open redirects). */
export function safeNextPath(value: string | null | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
