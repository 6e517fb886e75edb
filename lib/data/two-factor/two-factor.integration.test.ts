import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/auth/crypto";
import { hashRecoveryCode, legacyRecoveryCodeHash, normaliseRecoveryCode } from "@/lib/auth/recovery-codes";
import { validateSessionToken } from "@/lib/auth/sessions";
import { matchTotpStep, totpCodeAt } from "@/lib/auth/totp";
import { viewerFromSession } from "@/lib/auth/viewer";
import { authenticateWithPassword } from "@/lib/data/auth/authenticate-with-password";
import { completeSecondFactor } from "@/lib/data/auth/complete-second-factor";
import { confirmTotpEnrolment } from "@/lib/data/two-factor/confirm-totp-enrolment";
import { disableTotp } from "@/lib/data/two-factor/disable-totp";
import { finishTwoFactorEnrolment } from "@/lib/data/two-factor/finish-two-factor-enrolment";
import { getTwoFactorStatus } from "@/lib/data/two-factor/get-two-factor-status";
import { pruneExpiredTotpEnrolments } from "@/lib/data/two-factor/prune-expired-totp-enrolments";
import { regenerateRecoveryCodes } from "@/lib/data/two-factor/regenerate-recovery-codes";
import { startTotpEnrolment, TOTP_ENROLMENT_MS } from "@/lib/data/two-factor/start-totp-enrolment";
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
const pendingRow = (userId: string) => db.pendingTotpEnrolment.findUnique({ where: { userId } });

/** The key a session sees while it sets 2FA up. */
async function pendingSecret(viewer: Parameters<typeof getTwoFactorStatus>[0]): Promise<string> {
  const status = await getTwoFactorStatus(viewer);
  if (status.status !== "pending") throw new Error(`expected pending, got ${status.status}`);
  return status.secret;
}

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
    expect(await pendingRow(user.id)).toBeNull();
    expect((await userRow(user.id)).totpSecretEnc).toBeNull();
  });

  it("stores the new secret encrypted in a set-up bound to the session for ten minutes, not on the user", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    const before = Date.now();
    await startTotpEnrolment(viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    const user0 = await userRow(user.id);
    expect(user0.totpSecretEnc).toBeNull();
    expect(user0.totpEnabledAt).toBeNull();
    const row = (await pendingRow(user.id))!;
    expect(row.sessionId).toBe(viewer.sessionId);
    expect(TOTP_ENROLMENT_MS).toBe(10 * 60_000);
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(before + TOTP_ENROLMENT_MS - 1000);
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + TOTP_ENROLMENT_MS);
    const secret = decryptSecret(row.secretEnc);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(row.secretEnc).not.toContain(secret);
    expect(row.secretEnc.toUpperCase()).not.toContain(secret);
    expect(row.secretEnc).toMatch(/^v1\./);
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
    expect(status.secret).toBe(decryptSecret((await pendingRow(user.id))!.secretEnc));
    expect(status.qrDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    const png = Buffer.from(status.qrDataUrl.split(",")[1]!, "base64");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it("does not enable with a wrong code", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    await startTotpEnrolment(viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    const { secretEnc } = (await pendingRow(user.id))!;
    const error = await confirmTotpEnrolment(viewer, { code: wrongCode(decryptSecret(secretEnc)) }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.code?.length).toBeGreaterThan(0);
    const row = await userRow(user.id);
    expect(row.totpEnabledAt).toBeNull();
    expect(row.totpSecretEnc).toBeNull();
    expect((await pendingRow(user.id))?.secretEnc).toBe(secretEnc);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "auth.two_factor_enabled", actorId: user.id } })).toBe(0);
  });

  it("enables with a valid code, returns ten recovery codes stored only as hashes, and audits", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    await startTotpEnrolment(viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    const status = await getTwoFactorStatus(viewer);
    if (status.status !== "pending") throw new Error("not pending");
    const { secretEnc } = (await pendingRow(user.id))!;

    const result = await confirmTotpEnrolment(viewer, { code: totpCodeAt(status.secret) }, testContext());
    expect(result.recoveryCodes).toHaveLength(10);
    expect(new Set(result.recoveryCodes).size).toBe(10);

    // The confirmed key moved to the user in the same step; the set-up is gone.
    const enabled = await userRow(user.id);
    expect(enabled.totpEnabledAt).toBeInstanceOf(Date);
    expect(enabled.totpSecretEnc).toBe(secretEnc);
    expect(await pendingRow(user.id)).toBeNull();
    const rows = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(10);
    expect(rows.map((r) => r.codeHash).sort()).toEqual(result.recoveryCodes.map(hashRecoveryCode).sort());
    // Keyed (HMAC), not the unsalted SHA-256 anyone could recompute from a guess.
    for (const code of result.recoveryCodes) {
      expect(await db.recoveryCode.count({ where: { codeHash: legacyRecoveryCodeHash(code) } })).toBe(0);
    }
    for (const row of rows) expect(row.codeHash).toMatch(/^h1:[0-9a-f]{64}$/);
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
    // The other held-back session sees no key and cannot confirm this one.
    expect(await getTwoFactorStatus(intruder.viewer)).toMatchObject({ status: "off", setUpElsewhere: true });
    await expect(confirmTotpEnrolment(intruder.viewer, { code: totpCodeAt(status.secret) }, testContext())).rejects.toBeInstanceOf(ConflictError);
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

describe("a set-up bound to the session that began it", () => {
  it("a second session of the same user cannot see the pending secret, cannot confirm it and receives no recovery codes", async () => {
    const user = await newUser();
    const owner = await signIn(user.id);
    const other = await signIn(user.id);
    await startTotpEnrolment(owner.viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    const secret = await pendingSecret(owner.viewer);
    const { secretEnc } = (await pendingRow(user.id))!;

    const seen = await getTwoFactorStatus(other.viewer);
    expect(seen).toMatchObject({ status: "off", setUpElsewhere: true });
    expect(JSON.stringify(seen)).not.toContain(secret);
    expect(JSON.stringify(seen)).not.toContain(secretEnc);

    // Even with a correct code for that key (read over the owner's shoulder), the other session gets nothing.
    const refused = await confirmTotpEnrolment(other.viewer, { code: totpCodeAt(secret) }, testContext()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(JSON.stringify(refused)).not.toMatch(/[a-z2-9]{5}-[a-z2-9]{5}/);
    expect((await userRow(user.id)).totpEnabledAt).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "auth.two_factor_enabled", actorId: user.id } })).toBe(0);

    // The owner's set-up is untouched and still confirms.
    expect((await pendingRow(user.id))?.secretEnc).toBe(secretEnc);
    const { recoveryCodes } = await confirmTotpEnrolment(owner.viewer, { code: totpCodeAt(secret) }, testContext());
    expect(recoveryCodes).toHaveLength(10);
  });

  it("starting over from another session needs the password and takes the set-up away from the first session", async () => {
    const user = await newUser();
    const first = await signIn(user.id);
    const second = await signIn(user.id);
    await startTotpEnrolment(first.viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    const firstSecret = await pendingSecret(first.viewer);
    await expect(startTotpEnrolment(second.viewer, {}, testContext())).rejects.toBeInstanceOf(ValidationError);
    expect((await pendingRow(user.id))?.sessionId).toBe(first.sessionId);

    await startTotpEnrolment(second.viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    expect((await pendingRow(user.id))?.sessionId).toBe(second.sessionId);
    expect(await getTwoFactorStatus(first.viewer)).toMatchObject({ status: "off", setUpElsewhere: true });
    await expect(confirmTotpEnrolment(first.viewer, { code: totpCodeAt(firstSecret) }, testContext())).rejects.toBeInstanceOf(ConflictError);
    expect(await pendingSecret(second.viewer)).not.toBe(firstSecret);
  });

  it("an abandoned set-up expires after ten minutes: its key is no longer shown or accepted, and upkeep removes it", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    await startTotpEnrolment(viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    const secret = await pendingSecret(viewer);
    // Ten minutes later.
    await db.pendingTotpEnrolment.update({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const status = await getTwoFactorStatus(viewer);
    expect(status).toMatchObject({ status: "off", setUpElsewhere: false });
    expect(JSON.stringify(status)).not.toContain(secret);
    await expect(confirmTotpEnrolment(viewer, { code: totpCodeAt(secret) }, testContext())).rejects.toBeInstanceOf(ConflictError);
    expect((await userRow(user.id)).totpEnabledAt).toBeNull();

    const live = await newUser();
    const liveSession = await signIn(live.id);
    await startTotpEnrolment(liveSession.viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    expect(await pruneExpiredTotpEnrolments()).toBeGreaterThanOrEqual(1);
    expect(await pendingRow(user.id)).toBeNull();
    expect(await pendingRow(live.id)).not.toBeNull();
  });

  it("an old session held back later (its user gained a role requiring 2FA) needs the password to start a set-up", async () => {
    const user = await newUser();
    const session = await signIn(user.id, "active");
    // Signed in a day ago; today an administrator gives the user the Admin role, which requires 2FA.
    await db.user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(Date.now() - 2 * 86_400_000) } });
    await db.session.update({ where: { id: session.sessionId }, data: { createdAt: new Date(Date.now() - 86_400_000) } });
    const admin = await db.role.findUniqueOrThrow({ where: { key: "admin" }, select: { id: true, requiresTwoFactor: true } });
    expect(admin.requiresTwoFactor).toBe(true);
    await db.userRole.create({ data: { userId: user.id, roleId: admin.id } });
    const held = await viewerFromSession((await validateSessionToken(session.token))!);
    expect(held.sessionState).toBe("pending_enrolment");

    // Whoever holds that cookie cannot bind the account to their own authenticator.
    const bare = await startTotpEnrolment(held, {}, testContext()).catch((e: unknown) => e);
    expect(bare).toBeInstanceOf(ValidationError);
    await expect(startTotpEnrolment(held, { currentPassword: WRONG_PASSWORD }, testContext())).rejects.toBeInstanceOf(ValidationError);
    expect(await pendingRow(user.id)).toBeNull();
    // The owner, who knows the password, can.
    await startTotpEnrolment(held, { currentPassword: user.password }, testContext());
    expect((await pendingRow(user.id))?.sessionId).toBe(session.sessionId);
  });

  it("replacing a key being set up from a session held back for enrolment needs the password again", async () => {
    const user = await newUser();
    const held = await signIn(user.id, "pending_enrolment");
    // The first key needs no password: this session has just proved it.
    await startTotpEnrolment(held.viewer, {}, testContext());
    const { secretEnc } = (await pendingRow(user.id))!;

    const bare = await startTotpEnrolment(held.viewer, {}, testContext()).catch((e: unknown) => e);
    expect(bare).toBeInstanceOf(ValidationError);
    expect((bare as ValidationError).fieldErrors.currentPassword?.length).toBeGreaterThan(0);
    await expect(startTotpEnrolment(held.viewer, { currentPassword: WRONG_PASSWORD }, testContext())).rejects.toBeInstanceOf(ValidationError);
    expect((await pendingRow(user.id))?.secretEnc).toBe(secretEnc);
    // Nor may another held-back session replace it without the password.
    const another = await signIn(user.id, "pending_enrolment");
    await expect(startTotpEnrolment(another.viewer, {}, testContext())).rejects.toBeInstanceOf(ValidationError);
    expect((await pendingRow(user.id))?.secretEnc).toBe(secretEnc);

    await startTotpEnrolment(held.viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    const replaced = (await pendingRow(user.id))!;
    expect(replaced.secretEnc).not.toBe(secretEnc);
    expect(replaced.sessionId).toBe(held.sessionId);

    // Once that set-up has expired there is nothing to protect: a new key needs no password.
    await db.pendingTotpEnrolment.update({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await startTotpEnrolment(another.viewer, {}, testContext());
    expect((await pendingRow(user.id))?.sessionId).toBe(another.sessionId);
  });

  it("signing out a session ends the set-up it began", async () => {
    const user = await newUser();
    const { viewer, sessionId } = await signIn(user.id);
    await startTotpEnrolment(viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    await db.session.delete({ where: { id: sessionId } });
    expect(await pendingRow(user.id)).toBeNull();
  });
});

describe("two-factor set-up needs a verified email address (pre-hijack)", () => {
  it("an account whose email is not verified cannot turn on 2FA", async () => {
    const user = await newUser({ verified: false });
    const active = await signIn(user.id);
    expect(await getTwoFactorStatus(active.viewer)).toMatchObject({ status: "off", emailVerified: false });
    const error = await startTotpEnrolment(active.viewer, { currentPassword: STRONG_PASSWORD }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ code: "email_unverified" });
    expect((error as Error).message).toMatch(/verify your email/i);
    const held = await signIn(user.id, "pending_enrolment");
    await expect(startTotpEnrolment(held.viewer, {}, testContext())).rejects.toMatchObject({ code: "email_unverified" });
    expect(await pendingRow(user.id)).toBeNull();

    // A set-up that somehow exists (begun before this rule) cannot be confirmed either.
    const { encryptSecret } = await import("@/lib/auth/crypto");
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    await db.pendingTotpEnrolment.create({ data: { userId: user.id, sessionId: active.sessionId, secretEnc: encryptSecret(secret), expiresAt: new Date(Date.now() + 60_000) } });
    await expect(confirmTotpEnrolment(active.viewer, { code: totpCodeAt(secret) }, testContext())).rejects.toMatchObject({ code: "email_unverified" });
    const row = await userRow(user.id);
    expect(row.totpEnabledAt).toBeNull();
    expect(row.totpSetUpUnverified).toBe(false);
  });
});

describe("recovery code regeneration", () => {
  it("needs the current password", async () => {
    const user = await newUser();
    const { viewer, recoveryCodes, secret } = await enable(user.id);
    const error = await regenerateRecoveryCodes(viewer, { currentPassword: WRONG_PASSWORD, code: totpCodeAt(secret) }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.currentPassword?.length).toBeGreaterThan(0);
    const hashes = (await db.recoveryCode.findMany({ where: { userId: user.id } })).map((r) => r.codeHash).sort();
    expect(hashes).toEqual(recoveryCodes.map(hashRecoveryCode).sort());
  });

  it("replaces the set: new codes work, old codes no longer do", async () => {
    const user = await newUser();
    const { viewer, recoveryCodes: oldCodes, secret } = await enable(user.id);
    const { recoveryCodes: newCodes } = await regenerateRecoveryCodes(viewer, { currentPassword: user.password, code: totpCodeAt(secret) }, testContext());
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

  it("regenerating recovery codes needs a current TOTP code as well as the password", async () => {
    const user = await newUser();
    const { viewer, recoveryCodes, secret } = await enable(user.id);
    const unchanged = async () => {
      const hashes = (await db.recoveryCode.findMany({ where: { userId: user.id } })).map((r) => r.codeHash).sort();
      expect(hashes).toEqual(recoveryCodes.map(hashRecoveryCode).sort());
    };
    for (const code of [undefined, "", wrongCode(secret), recoveryCodes[0]]) {
      const error = await regenerateRecoveryCodes(viewer, { currentPassword: user.password, code }, testContext()).catch((e: unknown) => e);
      expect(error, String(code)).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors.code?.length, String(code)).toBeGreaterThan(0);
      await unchanged();
    }
    // A recovery code offered as "the code" was not spent.
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
    expect(await db.auditEvent.count({ where: { action: "auth.recovery_codes_regenerated", actorId: user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "auth.second_factor_failed", actorId: user.id } })).toBeGreaterThanOrEqual(1);

    const code = totpCodeAt(secret);
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes(viewer, { currentPassword: user.password, code }, testContext());
    expect(fresh).toHaveLength(10);
    // The same code cannot be replayed for another set.
    await expect(regenerateRecoveryCodes(viewer, { currentPassword: user.password, code }, testContext())).rejects.toBeInstanceOf(ValidationError);
    const hashes = (await db.recoveryCode.findMany({ where: { userId: user.id } })).map((r) => r.codeHash).sort();
    expect(hashes).toEqual(fresh.map(hashRecoveryCode).sort());
  });
});

describe("recovery codes stored before the switch to HMAC", () => {
  it("a recovery code stored as SHA-256 before the switch to HMAC still signs in, once", async () => {
    const user = await newUser();
    const { recoveryCodes } = await enable(user.id);
    const legacy = recoveryCodes[4]!;
    // As a set made before the switch was stored: SHA-256 of the normalised code, no prefix.
    await db.recoveryCode.update({ where: { codeHash: hashRecoveryCode(legacy) }, data: { codeHash: legacyRecoveryCodeHash(legacy) } });

    const attempt = async () => {
      const signInResult = await authenticateWithPassword({ identifier: user.username, password: user.password, remember: false }, testContext());
      if (!signInResult.ok) throw new Error("sign-in failed");
      const pending = await viewerFromSession((await validateSessionToken(signInResult.sessionToken))!);
      return completeSecondFactor(pending, { method: "recovery", code: legacy.toUpperCase() }, testContext());
    };
    const done = await attempt();
    expect((await validateSessionToken(done.token))?.state).toBe("active");
    await expect(attempt()).rejects.toBeInstanceOf(ValidationError);
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
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
