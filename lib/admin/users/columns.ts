import "server-only";
import { sql } from "@/lib/db/client";

/** The AdminUser columns for a query over `profiles p`. */
export const ADMIN_USER_COLUMNS = sql`
  p.id, p.email, p.telegram_id::text, p.display_name, p.role, p.status, p.credits, p.created_at,
  (select max(g.created_at) from generations g where g.user_id = p.id) as last_activity_at,
  (select count(*)::int from generations g where g.user_id = p.id) as generation_count,
  (select coalesce(sum(a.bytes), 0)::float8 from assets a where a.user_id = p.id) as storage_bytes`;
