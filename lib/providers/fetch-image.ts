import "server-only";

// Reference images for Google requests travel inline, so the adapter fetches them itself.
// They are our own upload URLs or earlier outputs; the size cap guards memory all the same.
const MAX_REFERENCE_BYTES = 10 * 1024 * 1024;

export async function fetchImageBytes(url: string): Promise<{ data: Buffer; mimeType: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`could not fetch the reference image (${res.status})`);
  const length = Number(res.headers.get("content-length") ?? 0);
  if (length > MAX_REFERENCE_BYTES) throw new Error("the reference image is larger than 10 MB");
  const data = Buffer.from(await res.arrayBuffer());
  if (data.length > MAX_REFERENCE_BYTES) throw new Error("the reference image is larger than 10 MB");
  return { data, mimeType: res.headers.get("content-type")?.split(";")[0] ?? "image/png" };
}
