import { AppError } from "@/lib/errors";
import { readDownloadRequest } from "@/lib/gallery/download-request";
import { zipOfGenerations } from "@/lib/gallery/zip-download";
import { countDownloadable } from "@/lib/gallery/zip-entries";
import { withApiLogging } from "@/lib/with-api-logging";

export const dynamic = "force-dynamic";

// Originals of the caller's generations with a manifest, as one zip streamed while it is made.
export const POST = withApiLogging({ auth: "user", maxBodyBytes: 512 * 1024 }, async ({ req, user, log }) => {
  const ids = await readDownloadRequest(req);
  if ((await countDownloadable(user.id, ids)) === 0)
    throw new AppError("not_found", "None of these generations has files you can download.", {
      field: "ids",
    });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(zipOfGenerations(user.id, ids, req.signal, log), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="atelier-${day}.zip"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});

export * from "@/lib/api/method-fallbacks";
