// Proving the existing account at a first sign-in (pending "link", offered only when the provider
// said the address is verified): with the account's password, or with a single-use link mailed to
// the address that must be opened in the same browser (its pending cookie is checked too, so a
// link clicked by the address's owner in another browser links nothing they did not start).
// Either proof links the identity (audited with it) and signs in, with the account's 2FA rules:
// a password proves no more than a password sign-in would, and is guessed no more often: it counts
// under the sign-in lockout of the account.
import "server-only";
import { isUniqueViolation } from "@/lib/db-sql";
import { inBackground } from "@/lib/background";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { randomToken, sha256 } from "@/lib/auth/crypto";
import { configuredProvider } from "@/lib/auth/external/providers";
import { verifyPassword } from "@/lib/auth/password";
import { sendEmail } from "@/lib/email/send-email";
import { AppError, RateLimitedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { absoluteUrl } from "@/lib/http/urls";
import { hit, refund } from "@/lib/rate-limit/limiter";
import { beginSignInAttempt, LOCKOUT_THRESHOLD, settleSignInAttempt } from "@/lib/auth/account-lockout";
import { recordLockout } from "@/lib/data/auth/authenticate-with-password";
import { LIMITS } from "@/lib/rate-limit/limits";
import { tooMuchMail } from "@/lib/data/users/too-much-mail";
import { config } from "@/lib/config";
import { externalLinkEmailTokenSchema, externalLinkPasswordSchema } from "@/lib/validations/sign-in-methods";
import { parseOrThrow } from "@/lib/validations/parse";
import { consumePending, findPending, pendingFromRow, type PendingExternal } from "@/lib/data/sign-in-methods/pending";
import { pendingExpired } from "@/lib/data/sign-in-methods/finish-external-sign-up";
import { sendLinkNotice, writeLink } from "@/lib/data/sign-in-methods/complete-external-sign-in";
import {
  openProviderSession,
  subjectSelect,
  unavailableReason,
  type OpenedSession,
} from "@/lib/data/sign-in-methods/sign-in-subject";

class Gone extends Error {}

/** The password state a proof checked (the password proof), so the link is written only if it still holds. */
type ProvedPassword = { passwordHash: string; passwordChangedAt: Date };

/**
 * Links the pending identity to its account (once) and signs in. Decided again inside the write,
 * after locking the user row: the account is still active and still has no second factor (nor a
 * role requiring one: proof at first sign-in is only for such accounts, and the owner may have
 * turned one on since the pending row was made), and for a password proof the password is still the
 * one that was checked (a reset committing while bcrypt ran leaves nothing linked).
 */
async function linkAndSignIn(
  pending: PendingExternal,
  via: "password" | "email",
  ctx: RequestContext,
  proved?: ProvedPassword,
): Promise<OpenedSession> {
  const userId = pending.userId!;
  const { identity } = pending;
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.user.updateMany({
        where: { id: userId, status: "active", kind: "person", ...(proved ?? {}) },
        data: { updatedAt: new Date() },
      });
      if (count !== 1) throw new Gone();
      const owner = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: {
          totpEnabledAt: true,
          _count: { select: { passkeys: true } },
          roles: { where: { role: { requiresTwoFactor: true } }, select: { roleId: true }, take: 1 },
        },
      });
      if (owner.totpEnabledAt || owner._count.passkeys > 0 || owner.roles.length > 0) throw new Gone();
      if (!(await consumePending(tx, pending.id))) throw new Gone();
      await writeLink(tx, userId, identity, ctx, via);
    });
  } catch (error) {
    if (error instanceof Gone) throw pendingExpired();
    if (isUniqueViolation(error)) {
      throw new AppError("identity_linked_elsewhere", 409, "This identity was linked to an account meanwhile.");
    }
    throw error;
  }
  await sendLinkNotice(userId, identity);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: subjectSelect });
  const opened = unavailableReason(user) ? null : await openProviderSession(user, identity, ctx, { linkedNow: true });
  if (!opened) throw new AppError("account_unavailable", 403, "This account cannot sign in.");
  return opened;
}

/** The pending link and its account, or the error to answer with. */
async function pendingLink(pendingToken: string | null | undefined) {
  const pending = await findPending(pendingToken, "link");
  if (!pending?.userId) throw pendingExpired();
  const user = await db.user.findUnique({
    where: { id: pending.userId },
    select: {
      id: true,
      email: true,
      firstName: true,
      status: true,
      kind: true,
      passwordHash: true,
      passwordChangedAt: true,
    },
  });
  if (!user || unavailableReason(user)) throw pendingExpired();
  return { pending, user };
}

export async function proveExternalLinkWithPassword(
  pendingToken: string | null | undefined,
  input: unknown,
  ctx: RequestContext,
): Promise<OpenedSession> {
  const { password } = parseOrThrow(externalLinkPasswordSchema, input);
  const { pending, user } = await pendingLink(pendingToken);
  const ipKey = ctx.ip ?? "unknown";
  const ip = await hit(LIMITS.signInIp, ipKey);
  if (!ip.allowed) throw new RateLimitedError(ip.retryAfterSeconds, "Too many attempts. Try again later.");
  // The password sign-in's own lockout (lib/auth/account-lockout.ts): an untrusted source counted per
  // IP under the account's email, against the same per-account ceiling, so guesses made here and on
  // the sign-in form add up instead of each having a budget.
  const attempt = await beginSignInAttempt({
    account: `user:${user.id}`,
    epoch: String(user.passwordChangedAt.getTime()),
    via: "email",
    source: { ip: ipKey },
  });
  if (!attempt.ok) throw new RateLimitedError(attempt.retryAfterSeconds, "Too many attempts. Try again later.");
  const passwordOk = await verifyPassword(password, user.passwordHash);
  const lockedSeconds = await settleSignInAttempt(attempt.ticket, passwordOk);
  if (!passwordOk) {
    const failures = attempt.ticket.attempt.attempt;
    await audit({
      action: "auth.sign_in_failed",
      actorId: null,
      targetType: "user",
      targetId: user.id,
      metadata: {
        reason: "wrong_password",
        method: `provider:${pending.identity.provider}`,
        step: "link_proof",
        failures,
      },
      context: ctx,
    });
    if (failures === LOCKOUT_THRESHOLD || attempt.ticket.ceilingReached) {
      const scope = failures === LOCKOUT_THRESHOLD ? "source" : "untrusted_sources";
      const seconds = scope === "untrusted_sources" ? LIMITS.signInAccountUntrusted.duration : lockedSeconds;
      // In the background, as on the sign-in form: a mail failure must not turn the 401 into a 500.
      inBackground(recordLockout(user, { seconds, scope, via: "email" }, ctx), "lockout notice failed", {
        userId: user.id,
      });
    }
    throw new AppError("invalid_credentials", 401, "That is not this account's password.");
  }
  await refund(LIMITS.signInIp, ipKey);
  return linkAndSignIn(pending, "password", ctx, {
    passwordHash: user.passwordHash,
    passwordChangedAt: user.passwordChangedAt,
  });
}

/** Mails the address a single-use link; answers with the address it went to. */
export async function sendExternalLinkEmail(
  pendingToken: string | null | undefined,
  ctx: RequestContext,
): Promise<{ email: string }> {
  const { pending, user } = await pendingLink(pendingToken);
  const mail = await hit(LIMITS.mailToAddress, user.email);
  if (!mail.allowed) throw tooMuchMail(mail.retryAfterSeconds);
  const emailToken = randomToken();
  await db.$transaction(async (tx) => {
    const { count } = await tx.pendingExternalSignIn.updateMany({
      where: { id: pending.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { emailTokenHash: sha256(emailToken) },
    });
    if (count !== 1) throw pendingExpired();
    await audit(
      {
        action: "auth.external_link_proof_sent",
        actorId: null,
        targetType: "user",
        targetId: user.id,
        metadata: { provider: pending.identity.provider },
        context: ctx,
      },
      tx,
    );
  });
  const providerName = configuredProvider(pending.identity.provider)?.name ?? pending.identity.provider;
  await sendEmail(user.email, {
    subject: `Confirm signing in to ${config.productName} with ${providerName}`,
    heading: `Link ${providerName} to your account`,
    paragraphs: [
      `Hi ${user.firstName},`,
      `Someone signing in with ${providerName} asked to link it to your ${config.productName} account. Open this link in the same browser to confirm; after that, ${providerName} signs you in to this account.`,
    ],
    action: { label: `Link ${providerName}`, url: absoluteUrl(`/sign-in/external/link/confirm?token=${emailToken}`) },
    note: "The link works once, in the browser that asked for it, for 15 minutes. If this was not you, ignore this email: nothing is linked.",
  });
  return { email: user.email };
}

/** The pending link an emailed token belongs to, if this browser holds its pending cookie too. */
async function pendingByEmailToken(pendingToken: string | null | undefined, emailToken: string) {
  if (!pendingToken) return null;
  const row = await db.pendingExternalSignIn.findUnique({ where: { emailTokenHash: sha256(emailToken) } });
  if (!row || row.tokenHash !== sha256(pendingToken) || row.purpose !== "link") return null;
  return pendingFromRow(row);
}

/** Whether the emailed link can be confirmed here (for the confirmation page; changes nothing). */
export async function checkExternalLinkEmail(
  pendingToken: string | null | undefined,
  input: unknown,
): Promise<boolean> {
  const parsed = externalLinkEmailTokenSchema.safeParse(input);
  return parsed.success && (await pendingByEmailToken(pendingToken, parsed.data.token)) !== null;
}

export async function confirmExternalLinkEmail(
  pendingToken: string | null | undefined,
  input: unknown,
  ctx: RequestContext,
): Promise<OpenedSession> {
  const { token } = parseOrThrow(externalLinkEmailTokenSchema, input);
  const pending = await pendingByEmailToken(pendingToken, token);
  if (!pending?.userId) {
    throw new AppError(
      "external_link_not_here",
      410,
      "This link has expired, was used already, or was opened in another browser than the one that asked for it. Start again from the sign-in page.",
    );
  }
  return linkAndSignIn(pending, "email", ctx);
}
