// Re-authentication for sensitive changes (email, password, 2FA). Wrong answers count on a lockout
// counter of their own per user (see account-lockout.ts): a stolen session cannot guess the
// password, and a sign-in lockout caused by others cannot stop the signed-in owner.
import "server-only";
import { db } from "@/lib/db";
import { beginPasswordConfirmation, settleAccountAttempt } from "@/lib/auth/account-lockout";
import { verifyPassword } from "@/lib/auth/password";
import { RateLimitedError, ValidationError } from "@/lib/errors";

/** The password state that was confirmed, for a caller that must change it only if it is still current. */
export type ConfirmedPassword = { passwordHash: string; passwordChangedAt: Date };

export async function confirmCurrentPassword(
  userId: string,
  password: unknown,
  field = "currentPassword",
): Promise<ConfirmedPassword> {
  const attempt = await beginPasswordConfirmation(userId);
  if (!attempt.ok) throw new RateLimitedError(attempt.retryAfterSeconds);
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true, passwordChangedAt: true },
  });
  const ok =
    typeof password === "string" &&
    password.length > 0 &&
    password.length <= 1000 &&
    (await verifyPassword(password, user.passwordHash));
  await settleAccountAttempt(attempt.ticket, ok);
  if (!ok) throw new ValidationError({ [field]: ["This is not your current password."] });
  return user;
}
