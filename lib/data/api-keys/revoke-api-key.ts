// Revokes a key at once (the next request with it is 401 api_key_revoked). Who may: the key's
// owner with api_keys.manage, or, for a key owned by a service account, an admin with users.manage
// who may manage that account (it holds nothing beyond what they hold). Another person's personal
// keys are not revocable by id here: banning the person (or taking the permission away) stops
// every key of theirs on its next request. Any other id answers 404, the same as a missing one.
// Revoking twice is harmless (409 says it already is). Audited.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { ConflictError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { assertCanManageUser } from "@/lib/rbac/assert-can-manage-user";
import { can, requirePermission } from "@/lib/rbac/can";
import { apiKeyIdSchema } from "@/lib/validations/api-key";
import { parseOrThrow } from "@/lib/validations/parse";

export async function revokeApiKey(
  actor: Actor | null,
  input: unknown,
  ctx: RequestContext,
): Promise<{ id: string; revokedAt: Date }> {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, "users.manage")) requirePermission(actor, "api_keys.manage");
  const { id } = parseOrThrow(apiKeyIdSchema, input);
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({
      where: { id },
      select: { id: true, name: true, prefix: true, ownerId: true, revokedAt: true, owner: { select: { kind: true } } },
    });
    const own = key?.ownerId === actor.userId && can(actor, "api_keys.manage");
    const serviceKey = key?.owner.kind === "service" && can(actor, "users.manage");
    if (!key || (!own && !serviceKey)) throw new NotFoundError("API key not found.");
    if (!own) await assertCanManageUser(actor, key.ownerId, tx);
    if (key.revokedAt) throw new ConflictError("This key is already revoked.");
    const revokedAt = new Date();
    const { count } = await tx.apiKey.updateMany({
      where: { id: key.id, revokedAt: null },
      data: { revokedAt, revokedById: actor.userId },
    });
    if (count !== 1) throw new ConflictError("This key is already revoked.");
    await audit(
      {
        action: "api_key.revoked",
        actorId: actor.userId,
        targetType: "api_key",
        targetId: key.id,
        targetName: key.name,
        metadata: { name: key.name, prefix: key.prefix, ownerId: key.ownerId },
        context: ctx,
      },
      tx,
    );
    return { id: key.id, revokedAt };
  });
}
