// Admin: ban several users with one reason. Each user goes through the same guard rails as a
// single ban (banOneUser), in a transaction of their own; those refused are skipped with the
// reason, the viewer themself always.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { banOneUser, OWN_BAN_REFUSAL } from "@/lib/data/users/ban-user";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { bulkBanUsersSchema } from "@/lib/validations/admin-user";
import { parseOrThrow } from "@/lib/validations/parse";

export type BulkResult<K extends string> = Record<K, number> & { skipped: { id: string; reason: string }[] };

export async function bulkBanUsers(viewer: Viewer | null, input: unknown, ctx: RequestContext): Promise<BulkResult<"banned">> {
  requirePermission(viewer, "users.manage");
  const { userIds, reason } = parseOrThrow(bulkBanUsersSchema, input);
  let banned = 0;
  const skipped: { id: string; reason: string }[] = [];
  for (const id of userIds) {
    if (id === viewer.userId) {
      skipped.push({ id, reason: OWN_BAN_REFUSAL });
      continue;
    }
    try {
      await banOneUser(viewer, id, reason, ctx);
      banned += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      skipped.push({ id, reason: error.message });
    }
  }
  return { banned, skipped };
}
