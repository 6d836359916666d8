// The `download` query parameter of the file route: the name a browser saves the file as.
// It is not covered by the URL's signature, so only a plain slug with the object's own
// extension is accepted: a signed link to an image can never save as `setup.exe`.

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,94}[a-z0-9])?$/;

/** The name to send, null when none was asked for, or "invalid". */
export function downloadNameFor(objectPath: string, requested: string | null): string | null | "invalid" {
  if (requested === null) return null;
  const dot = requested.lastIndexOf(".");
  const objectExtension = objectPath.slice(objectPath.lastIndexOf(".") + 1).toLowerCase();
  if (dot <= 0 || !objectPath.includes(".")) return "invalid";
  const stem = requested.slice(0, dot);
  const extension = requested.slice(dot + 1);
  if (!SLUG.test(stem) || extension !== objectExtension) return "invalid";
  return requested;
}
