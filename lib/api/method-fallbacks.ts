import "server-only";
// Every API route file ends with `export * from "@/lib/api/method-fallbacks"`: a module's own
// exports win over star exports, so the methods a route implements are its own and every other
// method answers a JSON 405 through the same wrapper (logged, with a request id) instead of
// Next's empty one. HEAD follows GET and OPTIONS is answered by Next.
import { AppError } from "@/lib/errors";
import { withApiLogging } from "@/lib/with-api-logging";

const notAllowed = withApiLogging({ auth: "none" }, ({ req }) => {
  throw new AppError("method_not_allowed", `${req.method} is not supported here.`);
});

export const GET = notAllowed;
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
