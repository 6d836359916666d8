import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, storeUploads } from "@/lib/uploads/store-upload";
import { withApiLogging } from "@/lib/with-api-logging";

// Multipart body with one or more `files` fields.
export const POST = withApiLogging({ auth: "user" }, async ({ req, user }) => {
  const declared = Number(req.headers.get("content-length") ?? 0);
  // Refuse an oversized body before reading it; a little room for multipart framing.
  if (declared > MAX_UPLOAD_FILES * MAX_UPLOAD_BYTES + 1024 * 1024) {
    throw new AppError("bad_request", `files: at most ${MAX_UPLOAD_FILES} images of 10 MB each`);
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("bad_request", "Send the images as multipart/form-data in `files` fields.");
  }
  const files = form.getAll("files").filter((entry): entry is File => typeof entry !== "string");
  return Response.json({ files: await storeUploads(user.id, files) }, { status: 201 });
});
