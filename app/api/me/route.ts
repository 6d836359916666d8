import { withApiLogging } from "@/lib/with-api-logging";

export const GET = withApiLogging({ auth: "user", scope: "read" }, ({ user }) =>
  Response.json({ id: user.id, email: user.email, role: user.role, credits: user.credits }),
);

export * from "@/lib/api/method-fallbacks";
