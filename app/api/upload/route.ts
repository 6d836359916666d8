import { asBodyTooLarge } from "@/lib/api/body-limit";
import { AppError } from "@/lib/errors";
import { maxUploadBytes } from "@/lib/uploads/max-bytes";
import { MAX_UPLOAD_FILES, storeUploads } from "@/lib/uploads/store-upload";
import { withApiLogging } from "@/lib/with-api-logging";

// Every file at its limit, plus room for the multipart framing.
const MAX_UPLOAD_BODY = MAX_UPLOAD_FILES * maxUploadBytes("image") + 1024 * 1024;

// Multipart body with one or more `files` fields; the body is counted while it streams in.
// For small API clients: on Vercel a request body is capped at 4.5 MB, and the app's own form
// sends files straight to storage instead (POST /api/uploads).
export const POST = withApiLogging(
  { auth: "user", scope: "generate", maxBodyBytes: MAX_UPLOAD_BODY },
  async ({ req, user }) => {
    let form: FormData;
    try {
      form = await req.formData();
    } catch (error) {
      throw (
        asBodyTooLarge(error) ??
        new AppError("bad_request", "Send the images as multipart/form-data in `files` fields.", {
          field: "files",
        })
      );
    }
    const files = form.getAll("files").filter((entry): entry is File => typeof entry !== "string");
    return Response.json({ files: await storeUploads(user.id, files) }, { status: 201 });
  },
);

export * from "@/lib/api/method-fallbacks";
