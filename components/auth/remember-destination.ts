// Tells the server where to go once an OAuth or Telegram sign-in comes back (a signed, short-
// lived cookie: lib/auth/sign-in-intent.ts). Resolves false when the server could not be told.
export async function rememberDestination(next: string): Promise<boolean> {
  try {
    const response = await fetch("/api/auth/intent", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ next }),
    });
    return response.ok;
  } catch {
    return false;
  }
}
