// Sets a new password from a reset link. The token is single-use, 30 minutes, purpose-bound;
// everything the account has in flight ends (sessions, other links, a 2FA set-up) and the owner is
// told by email.
//
// Using the link proves control of the account's address: links mailed to an earlier address are
// retired when the address changes (confirmEmailChange), so a consumed link was read at the current
// one. Hence an unverified address becomes verified, and a second factor that was set up while the
// address was unverified is removed (email pre-hijack: someone who registered the owner's address
// first and locked a second factor onto it must not keep the account), with its own notice.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { clearAccountLockouts } from "@/lib/auth/account-lockout";
import { sha256 } from "@/lib/auth/crypto";
import { signDeviceCookie } from "@/lib/auth/device-cookie";
import { endAccountActivity } from "@/lib/auth/end-account-activity";
import { consumeToken } from "@/lib/auth/one-time-tokens";
import { hashPassword } from "@/lib/auth/password";
import { sendEmail } from "@/lib/email/send-email";
import { securityNoticeEmail } from "@/lib/email/messages";
import { AppError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { resetPasswordSchema } from "@/lib/validations/account";
import { parseOrThrow } from "@/lib/validations/parse";
import { passwordPolicyError } from "@/lib/validations/password-strength";

const INVALID = () =>
  new AppError("invalid_token", 400, "This reset link is invalid or has expired. Ask for a new one.");

/**
 * Returns a device cookie for the browser that used the link: it proved control of the address
 * and knows the new password, so failed sign-ins from elsewhere must not lock it out next.
 */
export async function resetPassword(input: unknown, ctx: RequestContext): Promise<{ deviceCookie: string }> {
  const { token, password } = parseOrThrow(resetPasswordSchema, input);
  const pending = await db.oneTimeToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      purpose: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { id: true, username: true, email: true, firstName: true, lastName: true } },
    },
  });
  if (!pending || pending.purpose !== "password_reset" || pending.usedAt || pending.expiresAt <= new Date())
    throw INVALID();
  const user = pending.user;
  const problem = passwordPolicyError(password, [user.username, user.email, user.firstName, user.lastName]);
  if (problem) throw new ValidationError({ password: [problem] });
  const passwordHash = await hashPassword(password);
  const outcome = await db.$transaction(async (tx) => {
    const consumed = await consumeToken(token, "password_reset", tx);
    if (!consumed || consumed.userId !== user.id) throw INVALID();
    // Read after the token is spent, in the same transaction: the state this reset acts on.
    const now = new Date();
    const state = await tx.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { email: true, emailVerifiedAt: true, totpEnabledAt: true, totpSetUpUnverified: true },
    });
    const clearTwoFactor =
      state.totpEnabledAt !== null && (state.totpSetUpUnverified || state.emailVerifiedAt === null);
    const verifiesEmail = state.emailVerifiedAt === null;
    await tx.user.update({
      where: { id: user.id },
      data: {
        passwordHash,
        passwordChangedAt: now,
        ...(verifiesEmail ? { emailVerifiedAt: now } : {}),
        ...(clearTwoFactor
          ? { totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null, totpSetUpUnverified: false }
          : {}),
      },
    });
    if (clearTwoFactor) await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    // The address was unverified until now: provider identities linked meanwhile may be whoever
    // signed up with it, not its owner, who is taking the account back. They go.
    const { count: linksRemoved } = verifiesEmail
      ? await tx.account.deleteMany({ where: { userId: user.id } })
      : { count: 0 };
    const { sessionsEnded, apiKeysRevoked } = await endAccountActivity(user.id, { revokeApiKeys: true }, tx);
    if (verifiesEmail) {
      await audit(
        {
          action: "user.email_verified",
          actorId: user.id,
          targetType: "user",
          targetId: user.id,
          metadata: { email: state.email, by: "password_reset" },
          context: ctx,
        },
        tx,
      );
    }
    await audit(
      {
        action: "auth.password_reset",
        actorId: user.id,
        targetType: "user",
        targetId: user.id,
        metadata: { sessionsEnded, apiKeysRevoked, twoFactorRemoved: clearTwoFactor, linksRemoved },
        context: ctx,
      },
      tx,
    );
    // Passkeys still sign in after a reset (a forgotten password is no reason to lose them); the
    // notice names them, so an owner taking the account back can remove any they do not know.
    const passkeys = await tx.passkey.count({ where: { userId: user.id } });
    // Every link, also one that signs in only once its provider is configured again: an owner taking
    // the account back must hear of an intruder's dormant link too.
    const links = await tx.account.count({ where: { userId: user.id } });
    return { clearTwoFactor, passkeys, links };
  });
  await clearAccountLockouts(user.id);
  await sendEmail(
    user.email,
    securityNoticeEmail(
      user.firstName,
      "Your password was changed",
      `The password of your account was reset${ctx.ip ? ` from ${ctx.ip}` : ""}, every device was signed out and your API keys were revoked (make new ones in Settings → API keys).${outcome.passkeys ? ` Your ${outcome.passkeys === 1 ? "passkey still signs" : `${outcome.passkeys} passkeys still sign`} in: if you did not add ${outcome.passkeys === 1 ? "it" : "them all"} yourself, remove ${outcome.passkeys === 1 ? "it" : "the ones you do not know"} in Settings → Sign-in methods.` : ""}${outcome.links ? ` ${outcome.links === 1 ? "A linked sign-in provider still signs" : `${outcome.links} linked sign-in providers still sign`} in: unlink any you do not know in Settings → Sign-in methods.` : ""}`,
    ),
  );
  if (outcome.clearTwoFactor) {
    await sendEmail(
      user.email,
      securityNoticeEmail(
        user.firstName,
        "Two-factor authentication was removed",
        "Two-factor authentication had been set up on your account before this email address was verified, so whoever set it up may not have been you. Resetting the password proved that you control this address, so it was removed. Turn it on again in Settings → Security with your own authenticator app.",
      ),
    );
  }
  return { deviceCookie: signDeviceCookie(user.id) };
}
