// Sets a new password from a reset link. The token is single-use, 30 minutes, purpose-bound; every
// session of the account ends and the owner is told by email.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { clearAccountFailures } from "@/lib/auth/account-lockout";
import { sha256 } from "@/lib/auth/crypto";
import { consumeToken, retireAccountLinks } from "@/lib/auth/one-time-tokens";
import { hashPassword } from "@/lib/auth/password";
import { sendEmail } from "@/lib/email/send-email";
import { securityNoticeEmail } from "@/lib/email/messages";
import { AppError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { resetPasswordSchema } from "@/lib/validations/account";
import { parseOrThrow } from "@/lib/validations/parse";
import { passwordPolicyError } from "@/lib/validations/password-strength";

const INVALID = () => new AppError("invalid_token", 400, "This reset link is invalid or has expired. Ask for a new one.");

export async function resetPassword(input: unknown, ctx: RequestContext): Promise<void> {
  const { token, password } = parseOrThrow(resetPasswordSchema, input);
  const pending = await db.oneTimeToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, user: { select: { id: true, username: true, email: true, firstName: true, lastName: true } } },
  });
  if (!pending || pending.purpose !== "password_reset" || pending.usedAt || pending.expiresAt <= new Date()) throw INVALID();
  const user = pending.user;
  const problem = passwordPolicyError(password, [user.username, user.email, user.firstName, user.lastName]);
  if (problem) throw new ValidationError({ password: [problem] });
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const consumed = await consumeToken(token, "password_reset", tx);
    if (!consumed || consumed.userId !== user.id) throw INVALID();
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    const { count } = await tx.session.deleteMany({ where: { userId: user.id } });
    await retireAccountLinks(user.id, tx);
    await audit({ action: "auth.password_reset", actorId: user.id, targetType: "user", targetId: user.id, metadata: { sessionsEnded: count }, context: ctx }, tx);
  });
  await clearAccountFailures(`user:${user.id}`);
  await sendEmail(user.email, securityNoticeEmail(user.firstName, "Your password was changed", `The password of your account was reset${ctx.ip ? ` from ${ctx.ip}` : ""} and every device was signed out.`));
}
