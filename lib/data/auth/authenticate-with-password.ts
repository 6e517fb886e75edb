// Checks a username-or-email and password and opens a session. Unknown user, wrong password,
// banned or pending account all give the same answer in about the same time (a dummy bcrypt
// comparison stands in for a missing account). Failures count per IP and per account.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { beginAccountAttempt, LOCKOUT_THRESHOLD, settleAccountAttempt } from "@/lib/auth/account-lockout";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { createSession, type SessionState } from "@/lib/auth/sessions";
import { sendEmail } from "@/lib/email/send-email";
import { lockoutEmail } from "@/lib/email/messages";
import type { RequestContext } from "@/lib/http/request-context";
import { hit, refund } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";

export type AuthenticateResult =
  | { ok: true; userId: string; sessionToken: string; state: SessionState }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** What a failed-sign-in audit may keep of the typed identifier: never something that looks like a password. */
function auditableIdentifier(identifier: string): string {
  const looksLikeOne = /^[a-z0-9](?:[a-z0-9._-]{1,30}[a-z0-9])?$/.test(identifier) || /^[^\s@]{1,64}@[^\s@]{1,189}$/.test(identifier);
  return looksLikeOne ? identifier : "[not a username or email]";
}

export async function authenticateWithPassword(
  input: { identifier: string; password: string; remember: boolean },
  ctx: RequestContext,
): Promise<AuthenticateResult> {
  const ipKey = ctx.ip ?? "unknown";
  const identifier = input.identifier.trim().toLowerCase();
  const auditId = auditableIdentifier(identifier);
  // Count first (atomically), check after: concurrent attempts cannot all slip under the limit.
  const ipState = await hit(LIMITS.signInIp, ipKey);
  if (!ipState.allowed) {
    if ((await hit(LIMITS.refusalAudit, `ip:${ipKey}`)).allowed) {
      await audit({ action: "auth.sign_in_failed", metadata: { identifier: auditId, reason: "ip_throttled", note: "further refusals in the next minute are not logged" }, context: ctx });
    }
    return { ok: false, reason: "throttled", retryAfterSeconds: ipState.retryAfterSeconds };
  }

  const user = await db.user.findUnique({
    where: identifier.includes("@") ? { email: identifier } : { username: identifier },
    select: {
      id: true,
      firstName: true,
      email: true,
      status: true,
      passwordHash: true,
      totpEnabledAt: true,
      roles: { select: { role: { select: { requiresTwoFactor: true } } } },
    },
  });

  const attempt = await beginAccountAttempt(user ? `user:${user.id}` : `name:${identifier}`);
  if (!attempt.ok) {
    if ((await hit(LIMITS.refusalAudit, `account:${user?.id ?? identifier}`)).allowed) {
      await audit({ action: "auth.sign_in_failed", actorId: user?.id, targetType: "user", targetId: user?.id, metadata: { identifier: auditId, reason: "account_locked", note: "further refusals in the next minute are not logged" }, context: ctx });
    }
    return { ok: false, reason: "throttled", retryAfterSeconds: attempt.retryAfterSeconds };
  }

  const passwordOk = user ? await verifyPassword(input.password, user.passwordHash) : await burnPasswordCheck(input.password);
  if (!user || !passwordOk || user.status !== "active") {
    const lockedSeconds = await settleAccountAttempt(attempt.ticket, false);
    const failures = attempt.ticket.attempt;
    const reason = !user ? "unknown_account" : !passwordOk ? "wrong_password" : `account_${user.status}`;
    await audit({ action: "auth.sign_in_failed", actorId: user?.id, targetType: "user", targetId: user?.id, metadata: { identifier: auditId, reason, failures }, context: ctx });
    if (user && failures === LOCKOUT_THRESHOLD) {
      await audit({ action: "auth.account_locked", actorId: user.id, targetType: "user", targetId: user.id, metadata: { seconds: lockedSeconds }, context: ctx });
      await sendEmail(user.email, lockoutEmail(user.firstName, Math.ceil(lockedSeconds / 60), ctx.ip));
    }
    return { ok: false, reason: "invalid" };
  }

  await settleAccountAttempt(attempt.ticket, true);
  await refund(LIMITS.signInIp, ipKey);
  const state: SessionState = user.totpEnabledAt
    ? "pending_second_factor"
    : user.roles.some((r) => r.role.requiresTwoFactor)
      ? "pending_enrolment"
      : "active";
  const session = await createSession({ userId: user.id, remember: input.remember, state, ip: ctx.ip, userAgent: ctx.userAgent });
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await audit({
    action: state === "active" ? "auth.sign_in_succeeded" : "auth.password_accepted",
    actorId: user.id,
    targetType: "session",
    targetId: session.sessionId,
    metadata: { method: "password", remember: input.remember, next: state },
    context: ctx,
  });
  return { ok: true, userId: user.id, sessionToken: session.token, state };
}
