// An admin makes a key for a service account: users.manage, the account must be an active service
// account the admin may manage, and every scope must be held both by the account (its roles) and
// by the admin (nobody hands out access they do not have). Not from an impersonated session; a
// session older than 15 minutes gives the password again (lib/auth/confirm-recent-or-password.ts).
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { confirmRecentOrPassword } from "@/lib/auth/confirm-recent-or-password";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { assertCanManageUser } from "@/lib/rbac/assert-can-manage-user";
import { requirePermission } from "@/lib/rbac/can";
import type { Permission } from "@/lib/rbac/permissions";
import { insertApiKey, type CreatedApiKey } from "@/lib/data/api-keys/insert-api-key";
import { serviceAccountPermissions } from "@/lib/data/api-keys/service-account-permissions";
import { createServiceAccountKeySchema } from "@/lib/validations/api-key";
import { parseOrThrow } from "@/lib/validations/parse";

export async function createServiceAccountKey(
  actor: Actor | null,
  input: unknown,
  ctx: RequestContext,
): Promise<CreatedApiKey> {
  requirePermission(actor, "users.manage");
  assertNotImpersonating(actor);
  const data = parseOrThrow(createServiceAccountKeySchema, input);
  await confirmRecentOrPassword(actor, data.currentPassword, "create an API key");
  return db.$transaction(async (tx) => {
    const account = await tx.user.findFirst({
      where: { id: data.serviceAccountId, kind: "service" },
      select: { id: true, status: true },
    });
    if (!account) throw new NotFoundError("Service account not found.");
    await assertCanManageUser(actor, account.id, tx);
    if (account.status !== "active") throw new ConflictError("This service account is disabled: enable it first.");
    const held = await serviceAccountPermissions(tx, account.id);
    const allowed = new Set<Permission>([...held].filter((p) => actor.permissions.has(p)));
    return insertApiKey(
      tx,
      {
        ownerId: account.id,
        creatorId: actor.userId,
        name: data.name,
        scopes: data.scopes,
        expiresAt: data.expiresAt,
        allowed,
        beyondMessage: "A key can only hold permissions both the service account and you have",
      },
      ctx,
    );
  });
}
