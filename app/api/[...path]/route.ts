import { AppError } from "@/lib/errors";
import { withApiLogging } from "@/lib/with-api-logging";

// Any /api path no route claims: a JSON 404 like every other API error, not the HTML page.
const notFound = withApiLogging({ auth: "none" }, () => {
  throw new AppError("not_found", "No such API endpoint.");
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
