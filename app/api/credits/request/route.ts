import { requestCredits } from "@/lib/notifications/request-credits";
import { withApiLogging } from "@/lib/with-api-logging";

// The signed-in person asks the admins for credits; 429 with Retry-After within a day of the last ask.
export const POST = withApiLogging({ auth: "user" }, async ({ user }) => {
  const { requestedAt } = await requestCredits({
    id: user.id,
    email: user.email,
    displayName: user.displayName,
  });
  return Response.json({ requested_at: requestedAt.toISOString() }, { status: 201 });
});

export * from "@/lib/api/method-fallbacks";
