import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openEmailBody } from "@/lib/email/seal-email-body";
import { createSession, validateSessionToken } from "@/lib/auth/sessions";
import { matchTotpStep, totpCodeAt } from "@/lib/auth/totp";
import { viewerFromSession } from "@/lib/auth/viewer";
import { authenticateWithPassword } from "@/lib/data/auth/authenticate-with-password";
import { completeSecondFactor } from "@/lib/data/auth/complete-second-factor";
import { listOwnSessions } from "@/lib/data/sessions/list-own-sessions";
import { confirmTotpEnrolment } from "@/lib/data/two-factor/confirm-totp-enrolment";
import { getTwoFactorStatus } from "@/lib/data/two-factor/get-two-factor-status";
import { startTotpEnrolment } from "@/lib/data/two-factor/start-totp-enrolment";
import { RateLimitedError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { signUpAccount } from "@/test/sign-up-account";
import { signUpInput, testContext, STRONG_PASSWORD } from "@/test/helpers";

/** A verified user with TOTP turned on through the real enrolment path. */
async function userWithTwoFactor() {
  const input = signUpInput();
  const user = await signUpAccount(input);
  await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  const session = await createSession({ userId: user.id, remember: false, ip: null, userAgent: null });
  const viewer = await viewerFromSession((await validateSessionToken(session.token))!);
  await startTotpEnrolment(viewer, { currentPassword: STRONG_PASSWORD }, testContext());
  const status = await getTwoFactorStatus(viewer);
  if (status.status !== "pending") throw new Error("enrolment did not start");
  const { recoveryCodes } = await confirmTotpEnrolment(viewer, { code: totpCodeAt(status.secret) }, testContext());
  // Enrolment spent the current step; forget it so each test starts with a usable current code.
  await db.user.update({ where: { id: user.id }, data: { totpLastStep: null } });
  return { ...user, password: input.password, secret: status.secret, recoveryCodes };
}

/** Signs in with the password, which leaves a session pending the second factor. */
async function pendingSignIn(user: { username: string; password: string }, ctx: RequestContext = testContext()) {
  const result = await authenticateWithPassword({ identifier: user.username, password: user.password, remember: false }, ctx);
  if (!result.ok) throw new Error(`password sign-in failed: ${result.reason}`);
  const session = await validateSessionToken(result.sessionToken);
  if (!session) throw new Error("pending session did not validate");
  return { result, token: result.sessionToken, viewer: await viewerFromSession(session) };
}

function wrongCode(secret: string, n: number): string {
  const now = Date.now();
  const near = new Set([-2, -1, 0, 1, 2].map((d) => totpCodeAt(secret, now + d * 30_000)));
  for (let i = n; ; i++) {
    const candidate = String((Number(totpCodeAt(secret, now)) + 123_457 * (i + 1)) % 1_000_000).padStart(6, "0");
    if (!near.has(candidate) && matchTotpStep(candidate, secret) === null) return candidate;
  }
}

describe("completeSecondFactor", () => {
  it("leaves a password sign-in of a 2FA account pending, with no permissions", async () => {
    const user = await userWithTwoFactor();
    const { result, viewer } = await pendingSignIn(user);
    expect(result).toMatchObject({ ok: true, userId: user.id, state: "pending_second_factor" });
    expect(viewer.sessionState).toBe("pending_second_factor");
    expect(viewer.permissions.size).toBe(0);
    await expect(listOwnSessions(viewer)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("accepts a valid TOTP code under a new token, and audits the sign-in", async () => {
    const user = await userWithTwoFactor();
    const { token, viewer } = await pendingSignIn(user);
    const ctx = testContext();
    const done = await completeSecondFactor(viewer, { method: "totp", code: totpCodeAt(user.secret) }, ctx);
    expect(done.token).not.toBe(token);
    expect(await validateSessionToken(token)).toBeNull();
    const session = await validateSessionToken(done.token);
    expect(session?.state).toBe("active");
    expect(session?.user.id).toBe(user.id);
    expect((await viewerFromSession(session!)).permissions.has("dashboard.view")).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_succeeded", actorId: user.id }, orderBy: { seq: "desc" } });
    expect(event).toMatchObject({ targetId: user.id, ipAddress: ctx.ip });
    expect(JSON.parse(event.metadata)).toMatchObject({ method: "password+totp" });
  });

  it("refuses the same TOTP code a second time (replay from another pending session)", async () => {
    const user = await userWithTwoFactor();
    const first = await pendingSignIn(user);
    const second = await pendingSignIn(user);
    const code = totpCodeAt(user.secret);
    await completeSecondFactor(first.viewer, { method: "totp", code }, testContext());

    const error = await completeSecondFactor(second.viewer, { method: "totp", code }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.code?.length).toBeGreaterThan(0);
    // The second session stays pending and powerless.
    expect((await validateSessionToken(second.token))?.state).toBe("pending_second_factor");
    // Whoever typed the code at the sign-in step is not known to be the owner: no actor, the account as target.
    expect(await db.auditEvent.count({ where: { action: "auth.second_factor_failed", targetType: "user", targetId: user.id } })).toBe(1);
    expect(await db.auditEvent.findFirst({ where: { action: "auth.second_factor_failed", targetId: user.id } })).toMatchObject({ actorId: null, actorType: "anonymous" });
  });

  it("accepts a recovery code once, however it is typed, and refuses it the second time", async () => {
    const user = await userWithTwoFactor();
    const code = user.recoveryCodes[0]!;
    const first = await pendingSignIn(user);
    const done = await completeSecondFactor(first.viewer, { method: "recovery", code: ` ${code.toUpperCase().replace("-", " ")} ` }, testContext());
    expect((await validateSessionToken(done.token))?.state).toBe("active");
    expect(await validateSessionToken(first.token)).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
    const used = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.recovery_code_used", actorId: user.id } });
    expect(JSON.parse(used.metadata)).toMatchObject({ left: 9 });
    expect(await db.emailOutbox.count({ where: { to: user.email, subject: { contains: "A recovery code was used" } } })).toBe(1);

    const second = await pendingSignIn(user);
    const error = await completeSecondFactor(second.viewer, { method: "recovery", code }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((await validateSessionToken(second.token))?.state).toBe("pending_second_factor");
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
  });

  it("refuses every code after ten wrong ones, even a correct one, and tells the owner by email", async () => {
    const user = await userWithTwoFactor();
    const ctx = testContext();
    const { token, viewer } = await pendingSignIn(user, ctx);
    for (let i = 0; i < 10; i++) {
      const error = await completeSecondFactor(viewer, { method: "totp", code: wrongCode(user.secret, i) }, ctx).catch((e: unknown) => e);
      expect(error, `attempt ${i + 1}`).toBeInstanceOf(ValidationError);
    }
    const locked = await completeSecondFactor(viewer, { method: "totp", code: totpCodeAt(user.secret) }, ctx).catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(RateLimitedError);
    expect((locked as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    // A recovery code is refused too, and not spent.
    await expect(completeSecondFactor(viewer, { method: "recovery", code: user.recoveryCodes[0] }, ctx)).rejects.toBeInstanceOf(RateLimitedError);
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
    expect((await validateSessionToken(token))?.state).toBe("pending_second_factor");

    const mail = await db.emailOutbox.findMany({ where: { to: user.email, subject: { contains: "Two-factor codes" } } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toMatch(/paused/);
    expect(openEmailBody(mail[0]!.text)).toContain(ctx.ip!);
    expect(await db.auditEvent.count({ where: { action: "auth.second_factor_failed", actorId: null, targetId: user.id } })).toBe(10);
    expect(await db.auditEvent.count({ where: { action: "auth.second_factor_locked", actorId: null, targetId: user.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: { startsWith: "auth.second_factor_" }, actorId: user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_succeeded", actorId: user.id } })).toBe(0);
  });

  it("refuses a session that is already active or missing", async () => {
    const user = await userWithTwoFactor();
    const { viewer } = await pendingSignIn(user);
    const done = await completeSecondFactor(viewer, { method: "totp", code: totpCodeAt(user.secret) }, testContext());
    const active = await viewerFromSession((await validateSessionToken(done.token))!);
    await expect(completeSecondFactor(active, { method: "totp", code: totpCodeAt(user.secret) }, testContext())).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(completeSecondFactor(null, { method: "totp", code: "123456" }, testContext())).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("holds under a concurrent burst: 30 simultaneous wrong codes check at most 10", async () => {
    const user = await userWithTwoFactor();
    const { viewer } = await pendingSignIn(user);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => completeSecondFactor(viewer, { method: "totp", code: wrongCode(user.secret, i) }, testContext())),
    );
    const wrong = results.filter((r) => r.status === "rejected" && r.reason instanceof ValidationError).length;
    const throttled = results.filter((r) => r.status === "rejected" && r.reason instanceof RateLimitedError).length;
    expect(wrong).toBeLessThanOrEqual(10);
    expect(wrong + throttled).toBe(30);
    expect(await db.auditEvent.count({ where: { targetId: user.id, action: "auth.second_factor_failed" } })).toBeLessThanOrEqual(10);
  });
});
