// Changes the viewer's password: needs the current one; every other session ends and this one
// continues under a new token.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { confirmCurrentPassword } from "@/lib/auth/confirm-password";
import { hashPassword } from "@/lib/auth/password";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { requireViewer } from "@/lib/auth/require-viewer";
import { rotateSession } from "@/lib/auth/sessions";
import { endAccountActivity } from "@/lib/auth/end-account-activity";
import type { Viewer } from "@/lib/auth/viewer";
import { sendEmail } from "@/lib/email/send-email";
import { securityNoticeEmail } from "@/lib/email/messages";
import { UnauthenticatedError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { changePasswordSchema } from "@/lib/validations/account";
import { parseOrThrow } from "@/lib/validations/parse";
import { passwordPolicyError } from "@/lib/validations/password-strength";

export async function changePassword(viewer: Viewer | null, input: unknown, ctx: RequestContext): Promise<{ token: string; remember: boolean; sessionsEnded: number }> {
  requireViewer(viewer);
  assertNotImpersonating(viewer);
  const { currentPassword, password } = parseOrThrow(changePasswordSchema, input);
  const confirmed = await confirmCurrentPassword(viewer.userId, currentPassword);
  const problem = passwordPolicyError(password, [viewer.username, viewer.email, viewer.firstName, viewer.lastName]);
  if (problem) throw new ValidationError({ password: [problem] });
  const passwordHash = await hashPassword(password);
  // One transaction: a request arriving between the change and the rotation could otherwise find
  // this session older than the new password and end it. The change applies only to the password
  // that was confirmed: if a reset (or another change) came first, this session is over.
  const { sessionsEnded, rotated } = await db.$transaction(async (tx) => {
    const passwordChangedAt = new Date();
    const changed = await tx.user.updateMany({
      where: { id: viewer.userId, passwordHash: confirmed.passwordHash, passwordChangedAt: confirmed.passwordChangedAt },
      data: { passwordHash, passwordChangedAt },
    });
    if (changed.count !== 1) throw new UnauthenticatedError();
    const { sessionsEnded: count } = await endAccountActivity(viewer.userId, { exceptSessionId: viewer.sessionId }, tx);
    // This session proves the new password: it starts with it and survives the change.
    const rotated = await rotateSession(viewer.sessionId, "active", tx, { passwordChangedAt });
    if (!rotated) throw new UnauthenticatedError();
    await audit({ action: "auth.password_changed", actorId: viewer.userId, targetType: "user", targetId: viewer.userId, metadata: { sessionsEnded: count }, context: ctx }, tx);
    return { sessionsEnded: count, rotated };
  });
  await sendEmail(viewer.email, securityNoticeEmail(viewer.firstName, "Your password was changed", `The password of your account was changed${ctx.ip ? ` from ${ctx.ip}` : ""}. Other devices were signed out.`));
  return { ...rotated, sessionsEnded };
}
