// Admin: send a fresh verification link to a user whose address is not verified yet (earlier
// links stop working). Capped per account by the same limit as the user's own resend, so neither
// path can flood the inbox.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { issueToken } from "@/lib/auth/one-time-tokens";
import type { Viewer } from "@/lib/auth/viewer";
import { sendEmail } from "@/lib/email/send-email";
import { verificationEmail } from "@/lib/email/messages";
import { ConflictError, NotFoundError, RateLimitedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { emailLinks } from "@/lib/http/urls";
import { assertCanManageUser } from "@/lib/rbac/assert-can-manage-user";
import { requirePermission } from "@/lib/rbac/can";
import { hit } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import { entityIdSchema } from "@/lib/validations/admin-user";
import { parseOrThrow } from "@/lib/validations/parse";

export async function adminResendVerification(viewer: Viewer | null, userId: unknown, ctx: RequestContext): Promise<{ email: string }> {
  requirePermission(viewer, "users.manage");
  const id = parseOrThrow(entityIdSchema, userId);
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, firstName: true, status: true, emailVerifiedAt: true },
  });
  if (!user) throw new NotFoundError("User not found.");
  await assertCanManageUser(viewer, user.id, db);
  if (user.emailVerifiedAt) throw new ConflictError("This address is already verified.");
  if (user.status !== "active") throw new ConflictError("This account is banned: lift the ban first.");
  const limit = await hit(LIMITS.verificationResendUser, user.id);
  if (!limit.allowed)
    throw new RateLimitedError(limit.retryAfterSeconds, `A link was sent a moment ago; try again in ${Math.ceil(limit.retryAfterSeconds / 60)} min.`);
  const { token } = await db.$transaction(async (tx) => {
    const issued = await issueToken({ userId: user.id, purpose: "email_verification", data: user.email }, tx);
    await audit(
      { action: "admin.verification_resent", actorId: viewer.userId, targetType: "user", targetId: user.id, metadata: { email: user.email }, context: ctx },
      tx,
    );
    return issued;
  });
  await sendEmail(user.email, verificationEmail(user.firstName, emailLinks.verifyEmail(token)));
  return { email: user.email };
}
