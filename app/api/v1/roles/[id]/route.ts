import { json, withApi } from "@/lib/api/with-api";
import { getRole } from "@/lib/data/roles/get-role";

/** GET /api/v1/roles/{id}: one role, its inheritance, effective permissions and first members. */
export const GET = withApi(async (ctx) => json({ data: await getRole(ctx.actor, ctx.params.id) }), {
  permission: "roles.read",
});
