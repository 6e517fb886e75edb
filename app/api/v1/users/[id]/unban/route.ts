import { json, jsonRecord, withApi } from "@/lib/api/with-api";
import { unbanUser } from "@/lib/data/users/unban-user";
import { ConflictError } from "@/lib/errors";

/**
 * POST /api/v1/users/{id}/unban: lift the account's ban. Idempotent: an account that is already
 * active answers 200 with `changed: false` (nothing written, nobody emailed). If-Match as for
 * PATCH /api/v1/users/{id} (checked first: a stale one is 412 either way); a change answers the
 * account's new ETag.
 */
export const POST = withApi(
  async (ctx) => {
    try {
      const { version } = await unbanUser(ctx.actor, ctx.params.id, ctx, ctx.expectedVersion());
      return jsonRecord(ctx.request, { data: { id: ctx.params.id, status: "active", changed: true } }, version);
    } catch (error) {
      // The DAL says "not banned" only after finding the account and allowing the caller to manage it.
      if (!(error instanceof ConflictError)) throw error;
      return json({ data: { id: ctx.params.id, status: "active", changed: false } });
    }
  },
  { permission: "users.manage" },
);
