// Checks a username-or-email and password and opens a session. Unknown user, wrong password,
// banned or pending account all give the same answer in about the same time (a dummy bcrypt
// comparison stands in for a missing account). Failures count per IP and per (account, source)
// with a device cookie marking the browsers that signed in to the account before (see
// lib/auth/account-lockout.ts). The session is written only if the password that was verified is
// still the account's password at that moment (lib/auth/sessions.ts).
import "server-only";
import { inBackground } from "@/lib/background";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import {
  beginSignInAttempt,
  LOCKOUT_THRESHOLD,
  settleSignInAttempt,
  type SignInSubject,
} from "@/lib/auth/account-lockout";
import { readDeviceClaim, signDeviceCookie, trustedDevice } from "@/lib/auth/device-cookie";
import { auditedIdentifierDigest, identifierDigest } from "@/lib/auth/identifier-digest";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { createSession, type SessionState } from "@/lib/auth/sessions";
import { sessionStateAfterFirstFactor } from "@/lib/auth/sign-in-state";
import { sendEmail } from "@/lib/email/send-email";
import { lockoutEmail } from "@/lib/email/messages";
import type { RequestContext } from "@/lib/http/request-context";
import { hit, refund } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";

export type AuthenticateResult =
  /** `deviceCookie`: the value to set in the browser's device cookie (lib/auth/device-cookie.ts). */
  | { ok: true; userId: string; sessionToken: string; state: SessionState; deviceCookie: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export type AuthenticateInput = {
  identifier: string;
  password: string;
  remember: boolean;
  /** The device cookie the browser sent, if any. */
  deviceCookie?: string | null;
};

/**
 * A lock was reached: the owner is told by email (many sources can each reach a lock, so at most
 * once an hour, never a way to flood their inbox), then the lock is audited. Also used by the
 * password proof of a provider link (lib/data/sign-in-methods/prove-external-link.ts).
 */
export async function recordLockout(
  user: { id: string; email: string; firstName: string },
  lock: { seconds: number; scope: string; via: string },
  ctx: RequestContext,
): Promise<void> {
  const notify = (await hit(LIMITS.lockoutNotice, user.id)).allowed;
  if (notify) await sendEmail(user.email, lockoutEmail(user.firstName, Math.ceil(lock.seconds / 60), ctx.ip));
  await audit({
    action: "auth.account_locked",
    actorId: null,
    targetType: "user",
    targetId: user.id,
    metadata: { ...lock, ownerNotified: notify },
    context: ctx,
  });
}

/** Counts a sign-in attempt against its IP's limit; the refusal to answer with, or null. */
async function countSignInFromIp(identifier: string, ctx: RequestContext): Promise<AuthenticateResult | null> {
  const ipKey = ctx.ip ?? "unknown";
  const ipState = await hit(LIMITS.signInIp, ipKey);
  if (ipState.allowed) return null;
  if ((await hit(LIMITS.refusalAudit, `ip:${ipKey}`)).allowed) {
    await audit({
      action: "auth.sign_in_failed",
      metadata: {
        identifierDigest: auditedIdentifierDigest(identifier),
        reason: "ip_throttled",
        note: "further refusals in the next minute are not logged",
      },
      context: ctx,
    });
  }
  return { ok: false, reason: "throttled", retryAfterSeconds: ipState.retryAfterSeconds };
}

export async function authenticateWithPassword(
  input: AuthenticateInput,
  ctx: RequestContext,
): Promise<AuthenticateResult> {
  const ipKey = ctx.ip ?? "unknown";
  const identifier = input.identifier.trim().toLowerCase();
  const via = identifier.includes("@") ? "email" : "username";
  // Count first (atomically), check after: concurrent attempts cannot all slip under the limit. A
  // request without a genuine device cookie is counted per IP before anything is looked up, so a
  // throttled address learns nothing from how long an answer takes.
  const claim = readDeviceClaim(input.deviceCookie);
  if (!claim) {
    const refused = await countSignInFromIp(identifier, ctx);
    if (refused) return refused;
  }
  const checkedAt = new Date();
  const user = await db.user.findUnique({
    where: via === "email" ? { email: identifier } : { username: identifier },
    select: {
      id: true,
      firstName: true,
      email: true,
      status: true,
      kind: true,
      passwordHash: true,
      passwordChangedAt: true,
      totpEnabledAt: true,
      _count: { select: { passkeys: true } },
      roles: { select: { role: { select: { requiresTwoFactor: true } } } },
    },
  });
  // The typed text is kept only when it names an account (it is then that account's username or
  // email); anything else may be a password typed into the wrong field.
  const auditedIdentifier: Record<string, string> = user
    ? { identifier }
    : { identifierDigest: auditedIdentifierDigest(identifier) };
  const account = user ? `user:${user.id}` : `unknown:${identifierDigest(identifier)}`;
  // Trusted only for the account it names, and only since that account's last password change.
  const device = trustedDevice(claim, user);

  // A browser holding this account's device cookie is not counted per IP (checked below, after the
  // lookup tells whose cookie it is); its own failures still lock it under its nonce.
  if (claim && !device) {
    const refused = await countSignInFromIp(identifier, ctx);
    if (refused) return refused;
  }
  const subject: SignInSubject = {
    account,
    epoch: user ? String(user.passwordChangedAt.getTime()) : "0",
    via,
    source: device ? { device } : { ip: ipKey },
  };

  const attempt = await beginSignInAttempt(subject);
  if (!attempt.ok) {
    if ((await hit(LIMITS.refusalAudit, account)).allowed) {
      await audit({
        action: "auth.sign_in_failed",
        actorId: null,
        targetType: "user",
        targetId: user?.id,
        metadata: {
          ...auditedIdentifier,
          reason: "account_locked",
          note: "further refusals in the next minute are not logged",
        },
        context: ctx,
      });
    }
    return { ok: false, reason: "throttled", retryAfterSeconds: attempt.retryAfterSeconds };
  }

  const passwordOk = user
    ? await verifyPassword(input.password, user.passwordHash)
    : await burnPasswordCheck(input.password);
  // A service account (lib/data/api-keys) never signs in, whatever password is tried.
  if (!user || !passwordOk || user.status !== "active" || user.kind !== "person") {
    const lockedSeconds = await settleSignInAttempt(attempt.ticket, false);
    const failures = attempt.ticket.attempt.attempt;
    const reason = !user
      ? "unknown_account"
      : !passwordOk
        ? "wrong_password"
        : user.kind !== "person"
          ? "service_account"
          : `account_${user.status}`;
    await audit({
      action: "auth.sign_in_failed",
      actorId: null,
      targetType: "user",
      targetId: user?.id,
      metadata: { ...auditedIdentifier, reason, failures, trustedDevice: device !== null },
      context: ctx,
    });
    if (user && (failures === LOCKOUT_THRESHOLD || attempt.ticket.ceilingReached)) {
      const scope = failures === LOCKOUT_THRESHOLD ? (device ? "device" : "source") : "untrusted_sources";
      const seconds = scope === "untrusted_sources" ? LIMITS.signInAccountUntrusted.duration : lockedSeconds;
      // In the background: the answer must not take longer for an account that exists.
      inBackground(recordLockout(user, { seconds, scope, via }, ctx), "lockout notice failed", { userId: user.id });
    }
    return { ok: false, reason: "invalid" };
  }

  // A second factor (TOTP or a passkey) is asked for next; a role requiring one that is not set up sends to set-up.
  const state: SessionState = sessionStateAfterFirstFactor({
    totpEnabled: user.totpEnabledAt !== null,
    passkeyCount: user._count.passkeys,
    requiresTwoFactor: user.roles.some((r) => r.role.requiresTwoFactor),
  });
  const session = await createSession({
    userId: user.id,
    remember: input.remember,
    state,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    verifiedPassword: { passwordHash: user.passwordHash, passwordChangedAt: user.passwordChangedAt, checkedAt },
  });
  if (!session) {
    // The password was changed or reset (or the account suspended) while it was being checked:
    // what was verified is no longer the password, so this counts as a wrong one.
    await settleSignInAttempt(attempt.ticket, false);
    await audit({
      action: "auth.sign_in_failed",
      actorId: null,
      targetType: "user",
      targetId: user.id,
      metadata: { ...auditedIdentifier, reason: "password_changed_meanwhile" },
      context: ctx,
    });
    return { ok: false, reason: "invalid" };
  }
  await settleSignInAttempt(attempt.ticket, true);
  if (!device) await refund(LIMITS.signInIp, ipKey);
  await audit({
    action: state === "active" ? "auth.sign_in_succeeded" : "auth.password_accepted",
    actorId: user.id,
    targetType: "session",
    targetId: session.sessionId,
    metadata: { method: "password", remember: input.remember, next: state, trustedDevice: device !== null },
    context: ctx,
  });
  return { ok: true, userId: user.id, sessionToken: session.token, state, deviceCookie: signDeviceCookie(user.id) };
}
