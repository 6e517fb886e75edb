import { json, withApi } from "@/lib/api/with-api";
import { banUser } from "@/lib/data/users/ban-user";

/** POST /api/v1/users/{id}/ban: ban the account with a `reason`; every session of theirs ends. */
export const POST = withApi(
  async (ctx) => {
    const body = await ctx.json();
    const reason = body && typeof body === "object" ? (body as { reason?: unknown }).reason : undefined;
    const { sessionsEnded } = await banUser(ctx.actor, { userId: ctx.params.id, reason }, ctx);
    return json({ data: { id: ctx.params.id, status: "banned", sessionsEnded } });
  },
  { permission: "users.manage" },
);
