import { withApi } from "@/lib/api/with-api";
import { jsonList } from "@/lib/api/list-response";
import { listAuditEvents } from "@/lib/data/audit/list-audit-events";
import { parseAuditListQueryStrict } from "@/lib/validations/audit-list-query";

/**
 * GET /api/v1/audit-events?limit=&cursor=&sort=&q=&actor=&actor_name=&actor_type=&user=&action=&
 * target_type=&target_id=&outcome=&ip=&range=&from=&to=&total=true: one keyset page of the activity
 * log, newest first (`sort=seq` for oldest first), as `{ data, next_cursor, total? }`. `action`
 * is an action or a group (`auth.*`); `range` is 1h, 24h, 7d or 30d; `from`/`to` are dates or
 * instants. 422 names each invalid parameter.
 */
export const GET = withApi(
  async (ctx) => {
    const query = parseAuditListQueryStrict(ctx.searchParams);
    const page = await listAuditEvents(ctx.actor, query);
    return jsonList(page.items, { nextCursor: page.nextCursor, total: page.total });
  },
  { permission: "audit.read" },
);
