import { uploadSlotRequest } from "@/lib/contracts/uploads";
import { createUploadSlot } from "@/lib/uploads/create-slot";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

// A slot for one file of a direct upload: { name, size, type } → where and how to send it.
export const POST = withApiLogging({ auth: "user", scope: "generate" }, async ({ req, user }) => {
  const request = await parseJson(req, uploadSlotRequest);
  return Response.json(await createUploadSlot(user.id, request), { status: 201 });
});

export * from "@/lib/api/method-fallbacks";
