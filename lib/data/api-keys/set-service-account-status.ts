// Disables a service account (every key of it stops on its next request: authenticate-api-key.ts
// refuses an owner that is not active) or enables it again (its unrevoked, unexpired keys work
// again). Stored as the account's ban, so the user admin pages and every status check agree.
// users.manage over an account the admin may manage. Audited.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { assertCanManageUser } from "@/lib/rbac/assert-can-manage-user";
import { requirePermission } from "@/lib/rbac/can";
import { serviceAccountIdSchema } from "@/lib/validations/api-key";
import { parseOrThrow } from "@/lib/validations/parse";

export const SERVICE_ACCOUNT_DISABLED_REASON = "Service account disabled by an administrator.";

export async function setServiceAccountStatus(
  actor: Actor | null,
  input: unknown,
  status: "active" | "disabled",
  ctx: RequestContext,
): Promise<{ id: string; status: "active" | "disabled" }> {
  requirePermission(actor, "users.manage");
  const { id } = parseOrThrow(serviceAccountIdSchema, input);
  return db.$transaction(async (tx) => {
    const account = await tx.user.findFirst({ where: { id, kind: "service" }, select: { id: true, status: true } });
    if (!account) throw new NotFoundError("Service account not found.");
    await assertCanManageUser(actor, account.id, tx);
    const from = account.status === "active" ? "active" : "banned";
    const to = status === "active" ? "active" : "banned";
    if (from === to) throw new ConflictError(`This service account is already ${status}.`);
    const { count } = await tx.user.updateMany({
      where: { id: account.id, status: from },
      data:
        to === "banned"
          ? { status: "banned", bannedAt: new Date(), banReason: SERVICE_ACCOUNT_DISABLED_REASON }
          : { status: "active", bannedAt: null, banReason: null },
    });
    if (count !== 1) throw new ConflictError(`This service account is already ${status}.`);
    await audit(
      {
        action: status === "active" ? "service_account.enabled" : "service_account.disabled",
        actorId: actor.userId,
        targetType: "user",
        targetId: account.id,
        metadata: { before: from === "active" ? "active" : "disabled", after: status },
        context: ctx,
      },
      tx,
    );
    return { id: account.id, status };
  });
}
