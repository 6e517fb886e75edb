import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { consumeToken, issueToken } from "@/lib/auth/one-time-tokens";
import { validateSessionToken } from "@/lib/auth/sessions";
import { totpCodeAt } from "@/lib/auth/totp";
import { authenticateWithPassword } from "@/lib/data/auth/authenticate-with-password";
import { resetPassword } from "@/lib/data/passwords/reset-password";
import { confirmTotpEnrolment } from "@/lib/data/two-factor/confirm-totp-enrolment";
import { getTwoFactorStatus } from "@/lib/data/two-factor/get-two-factor-status";
import { startTotpEnrolment } from "@/lib/data/two-factor/start-totp-enrolment";
import { confirmEmailChange } from "@/lib/data/users/confirm-email-change";
import { AppError } from "@/lib/errors";
import { LIMITS } from "@/lib/rate-limit/limits";
import { authenticateApiKey } from "@/lib/api/authenticate-api-key";
import { newUser, signIn } from "@/test/accounts";
import { apiKeyFor } from "@/test/api-keys";
import { testContext, STRONG_PASSWORD } from "@/test/helpers";

const NEW_PASSWORD = "violet tractor umbrella 1987 !";

const REMOVED_NOTICE = "Two-factor authentication was removed";
const notices = (to: string) => db.emailOutbox.count({ where: { to, subject: { contains: REMOVED_NOTICE } } });

/** A verified user with 2FA turned on through the real enrolment path. */
async function userWithTwoFactor() {
  const user = await newUser();
  const { viewer } = await signIn(user.id);
  await startTotpEnrolment(viewer, { currentPassword: STRONG_PASSWORD }, testContext());
  const status = await getTwoFactorStatus(viewer);
  if (status.status !== "pending") throw new Error("enrolment did not start");
  await confirmTotpEnrolment(viewer, { code: totpCodeAt(status.secret) }, testContext());
  return user;
}

async function reset(userId: string) {
  const { token } = await issueToken({ userId, purpose: "password_reset" });
  await resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext());
}

/** Where a password sign-in lands now: straight in, or at the second-factor step. */
async function signInState(username: string) {
  const result = await authenticateWithPassword({ identifier: username, password: NEW_PASSWORD, remember: false }, testContext());
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return (await validateSessionToken(result.sessionToken))?.state;
}

async function expectTwoFactorRemoved(userId: string) {
  const row = await db.user.findUniqueOrThrow({ where: { id: userId } });
  expect(row).toMatchObject({ totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null, totpSetUpUnverified: false });
  expect(await db.recoveryCode.count({ where: { userId } })).toBe(0);
}

describe("resetPassword and a second factor set up before the address was verified (pre-hijack)", () => {
  it("a password reset clears a second factor that was set up before the address was verified, with a notice email", async () => {
    const user = await userWithTwoFactor();
    // As the migration marks an account whose 2FA predates its verified address.
    await db.user.update({ where: { id: user.id }, data: { totpSetUpUnverified: true } });
    expect(await notices(user.email)).toBe(0);

    await reset(user.id);
    await expectTwoFactorRemoved(user.id);
    expect(await notices(user.email)).toBe(1);
    expect(await signInState(user.username)).toBe("active");
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.password_reset", targetId: user.id } });
    expect(JSON.parse(event.metadata)).toMatchObject({ twoFactorRemoved: true });
  });

  it("a password reset of an account whose address is unverified clears its second factor and verifies the address", async () => {
    const user = await userWithTwoFactor();
    // Someone registered this address first and set 2FA up before any verification (allowed until now).
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: null } });

    await reset(user.id);
    await expectTwoFactorRemoved(user.id);
    expect(await notices(user.email)).toBe(1);
    // Opening a link mailed to the address proves control of it.
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailVerifiedAt: true } });
    expect(row.emailVerifiedAt).toBeInstanceOf(Date);
    const verified = await db.auditEvent.findFirstOrThrow({ where: { action: "user.email_verified", targetId: user.id } });
    expect(JSON.parse(verified.metadata)).toMatchObject({ email: user.email, by: "password_reset" });
  });

  it("a password reset verifies an unverified address of an account without 2FA, which may then enrol", async () => {
    const user = await newUser({ verified: false });
    await reset(user.id);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailVerifiedAt: true } });
    expect(row.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await notices(user.email)).toBe(0);
    const { viewer } = await signIn(user.id);
    await expect(startTotpEnrolment(viewer, { currentPassword: NEW_PASSWORD }, testContext())).resolves.toMatchObject({ expiresAt: expect.any(Date) });
  });

  it("a password reset keeps a second factor set up after the address was verified", async () => {
    const user = await userWithTwoFactor();
    await reset(user.id);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpEnabledAt).toBeInstanceOf(Date);
    expect(row.totpSecretEnc).toBeTruthy();
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
    expect(await notices(user.email)).toBe(0);
    expect(await signInState(user.username)).toBe("pending_second_factor");
  });

  it("a reset link mailed before an email change cannot reset, nor verify the new address", async () => {
    const user = await newUser({ verified: false });
    const { token } = await issueToken({ userId: user.id, purpose: "password_reset" });
    const change = await issueToken({ userId: user.id, purpose: "email_change", data: `moved-${user.username}@example.com` });
    expect(await confirmEmailChange(change.token, testContext())).toMatchObject({ ok: true });
    const error = await resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid_token");
  });
});

describe("resetPassword ends everything the account has in flight", () => {
  it("a password reset ends a 2FA set-up in progress and retires pending email-change links", async () => {
    const user = await newUser();
    const session = await signIn(user.id);
    await startTotpEnrolment(session.viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    const change = await issueToken({ userId: user.id, purpose: "email_change", data: `thief-${user.username}@example.com` });

    await reset(user.id);
    expect(await validateSessionToken(session.token)).toBeNull();
    expect(await db.pendingTotpEnrolment.count({ where: { userId: user.id } })).toBe(0);
    expect(await consumeToken(change.token, "email_change")).toBeNull();
  });

  it("a password reset revokes the account's API keys: one minted from a stolen session does not outlive it", async () => {
    const user = await newUser();
    const { key, id } = await apiKeyFor(user.id, ["dashboard.view"]);
    await reset(user.id);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).revokedAt).not.toBeNull();
    await expect(authenticateApiKey(key, null)).rejects.toMatchObject({ code: "api_key_revoked" });
  });
});

describe("resetPassword and lockouts", () => {
  it("trusts the browser that used the link, not browsers that signed in before: guessing from elsewhere right after the reset does not lock the owner out", async () => {
    const user = await newUser();
    // A browser that signed in with the old password (perhaps the intruder the owner is locking out).
    const before = await authenticateWithPassword({ identifier: user.username, password: STRONG_PASSWORD, remember: false }, testContext());
    if (!before.ok) throw new Error("sign-in failed");
    const { token } = await issueToken({ userId: user.id, purpose: "password_reset" });
    const { deviceCookie } = await resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext());
    // Attackers use up the account's allowance for untrusted sources at once.
    for (let i = 0; i < LIMITS.signInAccountUntrusted.points; i++) {
      await authenticateWithPassword({ identifier: user.username, password: "wrong guess 12345", remember: false }, testContext());
    }
    const elsewhere = await authenticateWithPassword({ identifier: user.username, password: NEW_PASSWORD, remember: false }, testContext());
    expect(elsewhere).toMatchObject({ ok: false, reason: "throttled" });
    const owner = await authenticateWithPassword({ identifier: user.username, password: NEW_PASSWORD, remember: false, deviceCookie }, testContext());
    expect(owner).toMatchObject({ ok: true });
    // The device cookie from before the reset no longer counts as trusted.
    const stale = await authenticateWithPassword({ identifier: user.username, password: NEW_PASSWORD, remember: false, deviceCookie: before.deviceCookie }, testContext());
    expect(stale).toMatchObject({ ok: false, reason: "throttled" });
  });
});
