import "server-only";
// What to zip: `{ ids }` as JSON from scripts and API clients, or an HTML form's `ids` field
// (comma-separated), which lets a browser save the streamed answer straight to disk.
import { downloadRequest as downloadSchema } from "@/lib/contracts/gallery";
import { AppError } from "@/lib/errors";
import { parseJson } from "@/lib/with-api-logging";

export async function readDownloadRequest(req: Request): Promise<string[]> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded"))
    return (await parseJson(req, downloadSchema)).ids;
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("bad_request", "ids: send them as JSON or as a form field.", { field: "ids" });
  }
  const field = form.get("ids");
  const ids =
    typeof field === "string"
      ? field
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean)
      : [];
  return downloadSchema.parse({ ids }).ids;
}
