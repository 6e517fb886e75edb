// Re-authentication for sensitive changes (email, password, 2FA). Wrong answers count towards the
// same per-account lockout as failed sign-ins, so a stolen session cannot guess the password.
import "server-only";
import { db } from "@/lib/db";
import { beginAccountAttempt, settleAccountAttempt } from "@/lib/auth/account-lockout";
import { verifyPassword } from "@/lib/auth/password";
import { RateLimitedError, ValidationError } from "@/lib/errors";

export async function confirmCurrentPassword(
  userId: string,
  password: unknown,
  field = "currentPassword",
): Promise<void> {
  const attempt = await beginAccountAttempt(`user:${userId}`);
  if (!attempt.ok) throw new RateLimitedError(attempt.retryAfterSeconds);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  const ok =
    typeof password === "string" &&
    password.length > 0 &&
    password.length <= 1000 &&
    (await verifyPassword(password, user.passwordHash));
  await settleAccountAttempt(attempt.ticket, ok);
  if (!ok) throw new ValidationError({ [field]: ["This is not your current password."] });
}
