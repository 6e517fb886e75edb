import { jsonList } from "@/lib/api/list-response";
import { withApi } from "@/lib/api/with-api";
import { listRoles } from "@/lib/data/roles/list-roles";

/** GET /api/v1/roles: every role with what it grants (roles are few: one page, no cursor). */
export const GET = withApi(
  async (ctx) => {
    const roles = await listRoles(ctx.actor);
    return jsonList(roles, { nextCursor: null });
  },
  { permission: "roles.read" },
);
