// Admin: lift a ban. The account can sign in again (its old sessions ended with the ban and stay
// ended); the person is emailed. The reason the ban had goes into the audit row's before-values.
// With `expectedVersion` (If-Match over the API) an account changed since it was read is 412.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/actor";
import { accountUnbannedEmail } from "@/lib/email/admin-messages";
import { sendEmail } from "@/lib/email/send-email";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { absoluteUrl } from "@/lib/http/urls";
import { log } from "@/lib/log";
import { assertCanManageUser } from "@/lib/rbac/assert-can-manage-user";
import { requirePermission } from "@/lib/rbac/can";
import { entityIdSchema } from "@/lib/validations/admin-user";
import { parseOrThrow } from "@/lib/validations/parse";
import { assertAccountVersion, readAccountVersion } from "@/lib/data/users/user-version";

export async function unbanUser(
  viewer: Actor | null,
  userId: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<{ version: number }> {
  requirePermission(viewer, "users.manage");
  const id = parseOrThrow(entityIdSchema, userId);
  const { user, version } = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id },
      select: { id: true, status: true, banReason: true, bannedAt: true, email: true, firstName: true },
    });
    if (!user) throw new NotFoundError("User not found.");
    await assertCanManageUser(viewer, user.id, tx);
    await assertAccountVersion(tx, user.id, expectedVersion);
    const { count } = await tx.user.updateMany({
      where: { id: user.id, status: "banned" },
      data: { status: "active", bannedAt: null, banReason: null },
    });
    if (count !== 1) throw new ConflictError("This user is not banned.");
    await audit(
      {
        action: "admin.user_unbanned",
        actorId: viewer.userId,
        targetType: "user",
        targetId: user.id,
        metadata: {
          before: "banned",
          after: "active",
          banReason: user.banReason,
          bannedAt: user.bannedAt?.toISOString() ?? null,
        },
        context: ctx,
      },
      tx,
    );
    return { user, version: (await readAccountVersion(tx, user.id))! };
  });
  await sendEmail(user.email, accountUnbannedEmail(user.firstName, absoluteUrl("/sign-in"))).catch((err: unknown) =>
    log.error({ err, userId: user.id }, "unban notice could not be queued"),
  );
  return { version };
}
