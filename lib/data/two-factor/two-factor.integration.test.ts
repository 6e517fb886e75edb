import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/auth/crypto";
import { hashRecoveryCode, normaliseRecoveryCode } from "@/lib/auth/recovery-codes";
import { validateSessionToken } from "@/lib/auth/sessions";
import { matchTotpStep, totpCodeAt } from "@/lib/auth/totp";
import { viewerFromSession } from "@/lib/auth/viewer";
import { authenticateWithPassword } from "@/lib/data/auth/authenticate-with-password";
import { completeSecondFactor } from "@/lib/data/auth/complete-second-factor";
import { confirmTotpEnrolment } from "@/lib/data/two-factor/confirm-totp-enrolment";
import { disableTotp } from "@/lib/data/two-factor/disable-totp";
import { finishTwoFactorEnrolment } from "@/lib/data/two-factor/finish-two-factor-enrolment";
import { getTwoFactorStatus } from "@/lib/data/two-factor/get-two-factor-status";
import { regenerateRecoveryCodes } from "@/lib/data/two-factor/regenerate-recovery-codes";
import { startTotpEnrolment } from "@/lib/data/two-factor/start-totp-enrolment";
import { ConflictError, ForbiddenError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { newUser, signIn } from "@/test/accounts";
import { testContext, STRONG_PASSWORD } from "@/test/helpers";

const WRONG_PASSWORD = "definitely not my password 77";



/** A six-digit code that matches no step near now (the window is ±1; ±2 leaves room for a tick). */
function wrongCode(secret: string): string {
  const now = Date.now();
  const near = new Set([-2, -1, 0, 1, 2].map((d) => totpCodeAt(secret, now + d * 30_000)));
  for (let n = 0; ; n++) {
    const candidate = String((Number(totpCodeAt(secret, now)) + 500_000 + n) % 1_000_000).padStart(6, "0");
    if (!near.has(candidate) && matchTotpStep(candidate, secret) === null) return candidate;
  }
}

/** The step of the enrolment code is spent; forget it so the current code can be used again. */
async function forgetUsedStep(userId: string) {
  await db.user.update({ where: { id: userId }, data: { totpLastStep: null } });
}

const userRow = (id: string) => db.user.findUniqueOrThrow({ where: { id } });

async function enable(userId: string) {
  const { viewer } = await signIn(userId);
  await startTotpEnrolment(viewer, { currentPassword: STRONG_PASSWORD }, testContext());
  const status = await getTwoFactorStatus(viewer);
  if (status.status !== "pending") throw new Error(`expected pending, got ${status.status}`);
  const { recoveryCodes } = await confirmTotpEnrolment(viewer, { code: totpCodeAt(status.secret) }, testContext());
  await forgetUsedStep(userId);
  // A viewer built after enabling knows that 2FA is on.
  const after = await signIn(userId);
  return { secret: status.secret, recoveryCodes, viewer: after.viewer };
}

describe("TOTP enrolment", () => {
  it("needs the current password from a full session, and starts nothing without it", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    await expect(startTotpEnrolment(viewer, { currentPassword: "not the password" }, testContext())).rejects.toBeInstanceOf(ValidationError);
    await expect(startTotpEnrolment(viewer, {}, testContext())).rejects.toBeInstanceOf(ValidationError);
    expect((await userRow(user.id)).totpSecretEnc).toBeNull();
  });

  it("stores the new secret encrypted: the column does not contain it and decrypts to it", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    await startTotpEnrolment(viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    const row = await userRow(user.id);
    expect(row.totpSecretEnc).toBeTruthy();
    expect(row.totpEnabledAt).toBeNull();
    const secret = decryptSecret(row.totpSecretEnc!);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(row.totpSecretEnc).not.toContain(secret);
    expect(row.totpSecretEnc!.toUpperCase()).not.toContain(secret);
    expect(row.totpSecretEnc).toMatch(/^v1\./);
    expect(await db.auditEvent.count({ where: { action: "auth.two_factor_enrolment_started", actorId: user.id } })).toBe(1);
  });

  it("shows the pending secret with a PNG QR code while enrolment is pending", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    expect(await getTwoFactorStatus(viewer)).toMatchObject({ status: "off" });
    await startTotpEnrolment(viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    const status = await getTwoFactorStatus(viewer);
    expect(status.status).toBe("pending");
    if (status.status !== "pending") throw new Error("unreachable");
    expect(status.secret).toBe(decryptSecret((await userRow(user.id)).totpSecretEnc!));
    expect(status.qrDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    const png = Buffer.from(status.qrDataUrl.split(",")[1]!, "base64");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it("does not enable with a wrong code", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    await startTotpEnrolment(viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    const { totpSecretEnc } = await userRow(user.id);
    const error = await confirmTotpEnrolment(viewer, { code: wrongCode(decryptSecret(totpSecretEnc!)) }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.code?.length).toBeGreaterThan(0);
    const row = await userRow(user.id);
    expect(row.totpEnabledAt).toBeNull();
    expect(row.totpSecretEnc).toBe(totpSecretEnc);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "auth.two_factor_enabled", actorId: user.id } })).toBe(0);
  });

  it("enables with a valid code, returns ten recovery codes stored only as hashes, and audits", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    await startTotpEnrolment(viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    const status = await getTwoFactorStatus(viewer);
    if (status.status !== "pending") throw new Error("not pending");

    const result = await confirmTotpEnrolment(viewer, { code: totpCodeAt(status.secret) }, testContext());
    expect(result.recoveryCodes).toHaveLength(10);
    expect(new Set(result.recoveryCodes).size).toBe(10);

    expect((await userRow(user.id)).totpEnabledAt).toBeInstanceOf(Date);
    const rows = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(10);
    expect(rows.map((r) => r.codeHash).sort()).toEqual(result.recoveryCodes.map(hashRecoveryCode).sort());
    const stored = JSON.stringify(rows);
    for (const code of result.recoveryCodes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(normaliseRecoveryCode(code));
    }
    for (const code of result.recoveryCodes) {
      const plain = await db.recoveryCode.count({ where: { OR: [{ codeHash: code }, { codeHash: normaliseRecoveryCode(code) }] } });
      expect(plain).toBe(0);
    }
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.two_factor_enabled", actorId: user.id } });
    expect(event).toMatchObject({ targetType: "user", targetId: user.id });
    expect(await db.emailOutbox.count({ where: { to: user.email, subject: { contains: "Two-factor authentication is on" } } })).toBe(1);
  });

  it("reports status on with ten codes left and no secret once enabled", async () => {
    const user = await newUser();
    const { viewer } = await enable(user.id);
    const status = await getTwoFactorStatus(viewer);
    expect(status).toMatchObject({ status: "on", recoveryCodesLeft: 10, requiredByRole: null });
    expect(status).not.toHaveProperty("secret");
    expect(status).not.toHaveProperty("qrDataUrl");
    const { totpSecretEnc } = await userRow(user.id);
    expect(JSON.stringify(status)).not.toContain(decryptSecret(totpSecretEnc!));
    expect(JSON.stringify(status)).not.toContain(totpSecretEnc!);
  });

  it("refuses to start enrolment again once enabled and keeps the active secret", async () => {
    const user = await newUser();
    const { viewer } = await enable(user.id);
    const before = await userRow(user.id);
    await expect(startTotpEnrolment(viewer, { currentPassword: STRONG_PASSWORD }, testContext())).rejects.toBeInstanceOf(ConflictError);
    const after = await userRow(user.id);
    expect(after.totpSecretEnc).toBe(before.totpSecretEnc);
    expect(after.totpEnabledAt).toEqual(before.totpEnabledAt);
    // Confirming again is refused too.
    await expect(confirmTotpEnrolment(viewer, { code: totpCodeAt(decryptSecret(after.totpSecretEnc!)) }, testContext())).rejects.toBeInstanceOf(ConflictError);
  });

  it("marks the enrolling session, ends other half-finished sign-ins, then releases only that session", async () => {
    const user = await newUser();
    const pending = await signIn(user.id, "pending_enrolment");
    // Someone else who knows the password holds a second held-back session.
    const intruder = await signIn(user.id, "pending_enrolment");
    expect(pending.viewer.permissions.size).toBe(0);
    await startTotpEnrolment(pending.viewer, {}, testContext());
    const status = await getTwoFactorStatus(pending.viewer);
    if (status.status !== "pending") throw new Error("not pending");
    // Finishing before the enrolment is confirmed is refused.
    await expect(finishTwoFactorEnrolment(pending.viewer, testContext())).rejects.toBeInstanceOf(UnauthenticatedError);

    const { recoveryCodes } = await confirmTotpEnrolment(pending.viewer, { code: totpCodeAt(status.secret) }, testContext());
    expect(recoveryCodes).toHaveLength(10);
    // Still held back while the person reads the recovery codes, but marked as the one that enrolled.
    const held = await validateSessionToken(pending.token);
    expect(held?.state).toBe("enrolment_confirmed");
    // The other half-finished sign-in is gone: it proved only the password.
    expect(await validateSessionToken(intruder.token)).toBeNull();
    await expect(finishTwoFactorEnrolment(intruder.viewer, testContext())).rejects.toBeInstanceOf(UnauthenticatedError);

    const confirmed = await viewerFromSession(held!);
    expect(confirmed.permissions.size).toBe(0);
    const rotated = await finishTwoFactorEnrolment(confirmed, testContext());
    expect(rotated.token).not.toBe(pending.token);
    expect(await validateSessionToken(pending.token)).toBeNull();
    expect(await db.session.count({ where: { id: pending.sessionId } })).toBe(0);
    const fresh = await validateSessionToken(rotated.token);
    expect(fresh?.state).toBe("active");
    expect(fresh?.user.id).toBe(user.id);
    // A full session lives its normal lifetime, not the short one of a half-finished sign-in.
    expect(fresh!.expiresAt.getTime() - Date.now()).toBeGreaterThan(60 * 60_000);
    const viewer = await viewerFromSession(fresh!);
    expect(viewer.twoFactorEnabled).toBe(true);
    expect(viewer.permissions.has("dashboard.view")).toBe(true);
    const signedIn = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_succeeded", actorId: user.id } });
    expect(JSON.parse(signedIn.metadata)).toMatchObject({ method: "password+enrolment" });
    // It cannot be released twice, and an active session has nothing to finish.
    await expect(finishTwoFactorEnrolment(confirmed, testContext())).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(finishTwoFactorEnrolment(viewer, testContext())).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("gives half-finished sign-ins a short life", async () => {
    const user = await newUser();
    const pending = await signIn(user.id, "pending_enrolment");
    const row = await db.session.findUniqueOrThrow({ where: { id: pending.sessionId } });
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);
  });

  it("refuses to switch on a key that was replaced after the code was read", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    await startTotpEnrolment(viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    const first = await getTwoFactorStatus(viewer);
    if (first.status !== "pending") throw new Error("not pending");
    await startTotpEnrolment(viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    // The old key's code no longer matches the stored (new) key.
    await expect(confirmTotpEnrolment(viewer, { code: totpCodeAt(first.secret) }, testContext())).rejects.toBeInstanceOf(ValidationError);
    expect((await userRow(user.id)).totpEnabledAt).toBeNull();
  });

  it("does not rotate or end an active session when enabling from settings", async () => {
    const user = await newUser();
    const { viewer, token } = await signIn(user.id);
    await startTotpEnrolment(viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    const status = await getTwoFactorStatus(viewer);
    if (status.status !== "pending") throw new Error("not pending");
    await confirmTotpEnrolment(viewer, { code: totpCodeAt(status.secret) }, testContext());
    expect((await validateSessionToken(token))?.state).toBe("active");
  });
});

describe("recovery code regeneration", () => {
  it("needs the current password", async () => {
    const user = await newUser();
    const { viewer, recoveryCodes } = await enable(user.id);
    const error = await regenerateRecoveryCodes(viewer, { currentPassword: WRONG_PASSWORD }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.currentPassword?.length).toBeGreaterThan(0);
    const hashes = (await db.recoveryCode.findMany({ where: { userId: user.id } })).map((r) => r.codeHash).sort();
    expect(hashes).toEqual(recoveryCodes.map(hashRecoveryCode).sort());
  });

  it("replaces the set: new codes work, old codes no longer do", async () => {
    const user = await newUser();
    const { viewer, recoveryCodes: oldCodes } = await enable(user.id);
    const { recoveryCodes: newCodes } = await regenerateRecoveryCodes(viewer, { currentPassword: user.password }, testContext());
    expect(newCodes).toHaveLength(10);
    expect(newCodes.filter((c) => oldCodes.includes(c))).toEqual([]);
    const hashes = (await db.recoveryCode.findMany({ where: { userId: user.id } })).map((r) => r.codeHash).sort();
    expect(hashes).toEqual(newCodes.map(hashRecoveryCode).sort());
    expect(await db.auditEvent.count({ where: { action: "auth.recovery_codes_regenerated", actorId: user.id } })).toBe(1);

    // At sign-in, an old code is refused and a new one accepted.
    const signInResult = await authenticateWithPassword({ identifier: user.username, password: user.password, remember: false }, testContext());
    if (!signInResult.ok) throw new Error("sign-in failed");
    const pending = await viewerFromSession((await validateSessionToken(signInResult.sessionToken))!);
    expect(pending.sessionState).toBe("pending_second_factor");
    await expect(completeSecondFactor(pending, { method: "recovery", code: oldCodes[0] }, testContext())).rejects.toBeInstanceOf(ValidationError);
    const done = await completeSecondFactor(pending, { method: "recovery", code: newCodes[0] }, testContext());
    expect((await validateSessionToken(done.token))?.state).toBe("active");
  });
});

describe("disableTotp", () => {
  it("refuses a wrong password and leaves 2FA on", async () => {
    const user = await newUser();
    const { viewer, secret } = await enable(user.id);
    const error = await disableTotp(viewer, { currentPassword: WRONG_PASSWORD, code: totpCodeAt(secret) }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.currentPassword?.length).toBeGreaterThan(0);
    const row = await userRow(user.id);
    expect(row.totpEnabledAt).toBeInstanceOf(Date);
    expect(row.totpSecretEnc).toBeTruthy();
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
  });

  it("refuses a wrong code and leaves 2FA on", async () => {
    const user = await newUser();
    const { viewer, secret } = await enable(user.id);
    const error = await disableTotp(viewer, { currentPassword: user.password, code: wrongCode(secret) }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.code?.length).toBeGreaterThan(0);
    const recoveryError = await disableTotp(viewer, { currentPassword: user.password, code: "zzzzz-zzzzz" }, testContext()).catch((e: unknown) => e);
    expect(recoveryError).toBeInstanceOf(ValidationError);
    const row = await userRow(user.id);
    expect(row.totpEnabledAt).toBeInstanceOf(Date);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
    expect(await db.auditEvent.count({ where: { action: "auth.two_factor_disabled", actorId: user.id } })).toBe(0);
  });

  it("turns 2FA off with the password and a valid code, removing secret and recovery codes", async () => {
    const user = await newUser();
    const { viewer, secret } = await enable(user.id);
    await disableTotp(viewer, { currentPassword: user.password, code: totpCodeAt(secret) }, testContext());
    const row = await userRow(user.id);
    expect(row).toMatchObject({ totpEnabledAt: null, totpSecretEnc: null, totpLastStep: null });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "auth.two_factor_disabled", actorId: user.id } })).toBe(1);
    expect(await getTwoFactorStatus(viewer)).toMatchObject({ status: "off" });
  });

  it("turns 2FA off with the password and a recovery code", async () => {
    const user = await newUser();
    const { viewer, recoveryCodes } = await enable(user.id);
    await disableTotp(viewer, { currentPassword: user.password, code: recoveryCodes[3]!.toUpperCase() }, testContext());
    expect((await userRow(user.id)).totpEnabledAt).toBeNull();
  });

  it("is forbidden while a role of the user requires 2FA", async () => {
    const user = await newUser();
    const { secret } = await enable(user.id);
    const admin = await db.role.findUniqueOrThrow({ where: { key: "admin" } });
    expect(admin.requiresTwoFactor).toBe(true);
    await db.userRole.create({ data: { userId: user.id, roleId: admin.id } });
    const { viewer } = await signIn(user.id);
    expect(await getTwoFactorStatus(viewer)).toMatchObject({ status: "on", requiredByRole: admin.name });

    await expect(disableTotp(viewer, { currentPassword: user.password, code: totpCodeAt(secret) }, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    const row = await userRow(user.id);
    expect(row.totpEnabledAt).toBeInstanceOf(Date);
    expect(row.totpSecretEnc).toBeTruthy();
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
  });
});
