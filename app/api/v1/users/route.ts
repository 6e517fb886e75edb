import { jsonList } from "@/lib/api/list-response";
import { withApi } from "@/lib/api/with-api";
import { listUsers } from "@/lib/data/users/list-users";
import { parseUserListQueryStrict } from "@/lib/validations/user-list-query";

/** GET /api/v1/users: accounts (q, sort, cursor, limit, role, status, twoFactor, verified, pending, kind, total). */
export const GET = withApi(
  async (ctx) => {
    const query = parseUserListQueryStrict(ctx.searchParams);
    const page = await listUsers(ctx.actor, query);
    return jsonList(page.items, { nextCursor: page.nextCursor, total: query.total ? page.total : null });
  },
  { permission: "users.read" },
);
