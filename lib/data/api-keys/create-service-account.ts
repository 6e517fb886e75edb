// Admins make service accounts for integrations (Admin → Service accounts): a User with
// kind "service" that owns API keys and holds roles of its own. It cannot sign in: its password
// hash is of a random secret nobody ever sees (so a sign-in attempt costs the same bcrypt time as
// any wrong password) and its address is under the reserved .invalid domain, so no mail (password
// reset included) can reach anyone. users.manage, and every role must be one the admin may grant
// (lib/rbac/assert-can-grant-role.ts). Not from an impersonated session. Audited.
import "server-only";
import { isUniqueViolation } from "@/lib/db-sql";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { randomToken } from "@/lib/auth/crypto";
import { hashPassword } from "@/lib/auth/password";
import { audit } from "@/lib/audit/audit";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { assertCanGrantRoleById } from "@/lib/rbac/assert-can-grant-role";
import { requirePermission } from "@/lib/rbac/can";
import { createServiceAccountSchema } from "@/lib/validations/api-key";
import { parseOrThrow } from "@/lib/validations/parse";

export const SERVICE_ACCOUNT_EMAIL_DOMAIN = "service-accounts.invalid";

const taken = () => new ConflictError("This username is taken.", { username: ["This username is taken."] });

export async function createServiceAccount(
  actor: Actor | null,
  input: unknown,
  ctx: RequestContext,
): Promise<{ id: string; username: string; name: string }> {
  requirePermission(actor, "users.manage");
  assertNotImpersonating(actor);
  const data = parseOrThrow(createServiceAccountSchema, input);
  const roleIds = [...new Set(data.roleIds)];
  // Hashed before the transaction: bcrypt takes a while and must not hold the write lock.
  const passwordHash = await hashPassword(randomToken(32));
  const email = `${data.username}@${SERVICE_ACCOUNT_EMAIL_DOMAIN}`;
  try {
    return await db.$transaction(async (tx) => {
      const roles = await tx.role.findMany({ where: { id: { in: roleIds } }, select: { id: true, key: true } });
      if (roles.length !== roleIds.length) throw new ValidationError({ roleIds: ["Choose roles from the list."] });
      for (const role of roles) await assertCanGrantRoleById(actor, role.id, tx);
      const clash = await tx.user.findFirst({
        where: { OR: [{ username: data.username }, { email }] },
        select: { id: true },
      });
      if (clash) throw taken();
      const user = await tx.user.create({
        data: {
          kind: "service",
          username: data.username,
          email,
          firstName: data.name,
          lastName: "",
          dateOfBirth: new Date(0),
          passwordHash,
          roles: { create: roles.map((r) => ({ roleId: r.id })) },
        },
        select: { id: true, username: true, firstName: true },
      });
      await audit(
        {
          action: "service_account.created",
          actorId: actor.userId,
          targetType: "user",
          targetId: user.id,
          metadata: { username: user.username, name: user.firstName, roles: roles.map((r) => r.key).sort() },
          context: ctx,
        },
        tx,
      );
      return { id: user.id, username: user.username, name: user.firstName };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
