import { json, withApi } from "@/lib/api/with-api";
import { unbanUser } from "@/lib/data/users/unban-user";

/** POST /api/v1/users/{id}/unban: lift the account's ban (409 when it is not banned). */
export const POST = withApi(
  async (ctx) => {
    await unbanUser(ctx.actor, ctx.params.id, ctx);
    return json({ data: { id: ctx.params.id, status: "active" } });
  },
  { permission: "users.manage" },
);
