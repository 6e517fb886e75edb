import { jsonRecord, withApi } from "@/lib/api/with-api";
import { banUser } from "@/lib/data/users/ban-user";

/**
 * POST /api/v1/users/{id}/ban: ban the account with a `reason`; every session of theirs ends.
 * If-Match as for PATCH /api/v1/users/{id}; the answer carries the account's new ETag.
 */
export const POST = withApi(
  async (ctx) => {
    const body = await ctx.json();
    const reason = body && typeof body === "object" ? (body as { reason?: unknown }).reason : undefined;
    const { sessionsEnded, version } = await banUser(ctx.actor, { userId: ctx.params.id, reason }, ctx, ctx.expectedVersion());
    return jsonRecord(ctx.request, { data: { id: ctx.params.id, status: "banned", sessionsEnded } }, version);
  },
  { permission: "users.manage" },
);
