import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { encryptSecret } from "@/lib/auth/crypto";
import { env } from "@/lib/env";
import { pruneExpiredSessions, validateSessionToken } from "@/lib/auth/sessions";
import { consumeToken, issueToken } from "@/lib/auth/one-time-tokens";
import { totpCodeAt } from "@/lib/auth/totp";
import { listOwnSessions } from "@/lib/data/sessions/list-own-sessions";
import { revokeOtherSessions } from "@/lib/data/sessions/revoke-other-sessions";
import { revokeOwnSession } from "@/lib/data/sessions/revoke-own-session";
import { confirmTotpEnrolment } from "@/lib/data/two-factor/confirm-totp-enrolment";
import { getTwoFactorStatus } from "@/lib/data/two-factor/get-two-factor-status";
import { startTotpEnrolment } from "@/lib/data/two-factor/start-totp-enrolment";
import { resetUserTwoFactor } from "@/lib/data/users/reset-user-two-factor";
import { revokeUserSessions } from "@/lib/data/users/revoke-user-sessions";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { newUser, signIn } from "@/test/accounts";
import { createTestUser } from "@/test/create-test-user";
import { testContext, STRONG_PASSWORD } from "@/test/helpers";
import { TEST_ADMIN } from "@/test/test-env";
import { SUPER_ADMIN_ROLE } from "@/lib/rbac/built-in-roles";

/** Marks 2FA on (as if enrolled), so a role that requires it does not hold the session back. */
async function markTwoFactorOn(userId: string) {
  await db.user.update({ where: { id: userId }, data: { totpEnabledAt: new Date(), totpSecretEnc: encryptSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP") } });
}

/** A Super Admin of its own (the seeded one is shared by every file), with 2FA on as the role requires. */
async function signInAdmin() {
  const admin = await createTestUser({ role: SUPER_ADMIN_ROLE });
  await markTwoFactorOn(admin.id);
  return signIn(admin.id, "active");
}

async function enableTwoFactor(userId: string) {
  const { viewer } = await signIn(userId);
  await startTotpEnrolment(viewer, { currentPassword: STRONG_PASSWORD }, testContext());
  const status = await getTwoFactorStatus(viewer);
  if (status.status !== "pending") throw new Error("enrolment did not start");
  await confirmTotpEnrolment(viewer, { code: totpCodeAt(status.secret) }, testContext());
}

const sessionExists = async (id: string) => (await db.session.count({ where: { id } })) === 1;

/** Links someone holding the account might have asked for: a reset and an email change. */
async function pendingLinks(userId: string) {
  const reset = await issueToken({ userId, purpose: "password_reset" });
  const emailChange = await issueToken({ userId, purpose: "email_change", data: `taken-over-${userId}@example.com` });
  return { reset: reset.token, emailChange: emailChange.token };
}

async function expectLinksRetired(links: { reset: string; emailChange: string }) {
  expect(await consumeToken(links.reset, "password_reset")).toBeNull();
  expect(await consumeToken(links.emailChange, "email_change")).toBeNull();
}

describe("listOwnSessions", () => {
  it("lists only the viewer's sessions, the current one first and flagged", async () => {
    const alice = await newUser();
    const bob = await newUser();
    const older = await signIn(alice.id, "active", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148");
    const current = await signIn(alice.id);
    const bobs = await signIn(bob.id);

    const list = await listOwnSessions(current.viewer);
    expect(list.map((s) => s.id).sort()).toEqual([older.sessionId, current.sessionId].sort());
    expect(list[0]).toMatchObject({ id: current.sessionId, current: true });
    expect(list.filter((s) => s.current)).toHaveLength(1);
    expect(list.map((s) => s.id)).not.toContain(bobs.sessionId);
    for (const s of list) {
      expect(s).not.toHaveProperty("tokenHash");
      expect(s).not.toHaveProperty("userId");
    }
    expect(JSON.stringify(list)).not.toContain(current.token);

    // Bob sees his own, not Alice's.
    expect((await listOwnSessions(bobs.viewer)).map((s) => s.id)).toEqual([bobs.sessionId]);
  });
});

describe("revokeOwnSession", () => {
  it("signs out another of the viewer's sessions", async () => {
    const user = await newUser();
    const current = await signIn(user.id);
    const other = await signIn(user.id);
    await revokeOwnSession(current.viewer, other.sessionId, testContext());
    expect(await validateSessionToken(other.token)).toBeNull();
    expect(await validateSessionToken(current.token)).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.session_revoked", actorId: user.id, targetId: other.sessionId } })).toBe(1);
  });

  it("refuses to revoke the current session", async () => {
    const user = await newUser();
    const current = await signIn(user.id);
    await expect(revokeOwnSession(current.viewer, current.sessionId, testContext())).rejects.toBeInstanceOf(ConflictError);
    expect(await validateSessionToken(current.token)).not.toBeNull();
  });

  it("answers not found for another user's session, which survives", async () => {
    const alice = await newUser();
    const bob = await newUser();
    const mine = await signIn(alice.id);
    const theirs = await signIn(bob.id);
    await expect(revokeOwnSession(mine.viewer, theirs.sessionId, testContext())).rejects.toBeInstanceOf(NotFoundError);
    expect(await validateSessionToken(theirs.token)).not.toBeNull();
    await expect(revokeOwnSession(mine.viewer, "no-such-session", testContext())).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeOwnSession(mine.viewer, { id: theirs.sessionId }, testContext())).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("revokeOtherSessions", () => {
  it("keeps only the current session", async () => {
    const user = await newUser();
    const bystander = await newUser();
    const current = await signIn(user.id);
    const others = [await signIn(user.id), await signIn(user.id), await signIn(user.id, "pending_second_factor")];
    const theirs = await signIn(bystander.id);

    expect(await revokeOtherSessions(current.viewer, testContext())).toEqual({ revoked: 3 });
    expect((await db.session.findMany({ where: { userId: user.id }, select: { id: true } })).map((s) => s.id)).toEqual([current.sessionId]);
    for (const o of others) expect(await validateSessionToken(o.token)).toBeNull();
    expect(await validateSessionToken(current.token)).not.toBeNull();
    expect(await validateSessionToken(theirs.token)).not.toBeNull();
  });

  it("ends a 2FA set-up begun by another session, but keeps the current session's own", async () => {
    const user = await newUser();
    const current = await signIn(user.id);
    const other = await signIn(user.id);
    await startTotpEnrolment(other.viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    const links = await pendingLinks(user.id);
    await revokeOtherSessions(current.viewer, testContext());
    expect(await db.pendingTotpEnrolment.count({ where: { userId: user.id } })).toBe(0);
    await expectLinksRetired(links);

    await startTotpEnrolment(current.viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    await revokeOtherSessions(current.viewer, testContext());
    expect((await db.pendingTotpEnrolment.findUnique({ where: { userId: user.id } }))?.sessionId).toBe(current.sessionId);
  });
});

describe("admin session management", () => {
  it("refuses a plain user: revokeUserSessions and resetUserTwoFactor need sessions.manage", async () => {
    const plain = await newUser();
    const target = await newUser();
    await enableTwoFactor(target.id);
    const targetSession = await signIn(target.id);
    const { viewer } = await signIn(plain.id);
    expect(viewer.permissions.has("sessions.manage")).toBe(false);

    await expect(revokeUserSessions(viewer, target.id, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resetUserTwoFactor(viewer, target.id, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    expect(await validateSessionToken(targetSession.token)).not.toBeNull();
    const row = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.totpEnabledAt).toBeInstanceOf(Date);
    expect(row.totpSecretEnc).toBeTruthy();
  });

  it("refuses the admin's own session while it is still pending a second factor", async () => {
    const target = await newUser();
    const targetSession = await signIn(target.id);
    const admin = await db.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email }, select: { id: true } });
    const { viewer } = await signIn(admin.id, "pending_enrolment");
    await expect(revokeUserSessions(viewer, target.id, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    expect(await validateSessionToken(targetSession.token)).not.toBeNull();
  });

  it("lets an admin sign a user out everywhere", async () => {
    const target = await newUser();
    const sessions = [await signIn(target.id), await signIn(target.id, "pending_second_factor")];
    const admin = await signInAdmin();
    expect(admin.viewer.permissions.has("sessions.manage")).toBe(true);

    expect(await revokeUserSessions(admin.viewer, target.id, testContext())).toEqual({ revoked: 2 });
    expect(await db.session.count({ where: { userId: target.id } })).toBe(0);
    for (const s of sessions) expect(await validateSessionToken(s.token)).toBeNull();
    expect(await validateSessionToken(admin.token)).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "admin.user_sessions_revoked", targetId: target.id } });
    expect(event).toMatchObject({ actorId: admin.viewer.userId, targetType: "user" });
    expect(JSON.parse(event.metadata)).toEqual({ revoked: 2 });
    await expect(revokeUserSessions(admin.viewer, "no-such-user", testContext())).rejects.toBeInstanceOf(NotFoundError);
  });

  it("admin sign-out-everywhere retires pending reset and email-change links and any 2FA set-up", async () => {
    const target = await newUser();
    const held = await signIn(target.id);
    await startTotpEnrolment(held.viewer, { currentPassword: STRONG_PASSWORD }, testContext());
    const links = await pendingLinks(target.id);
    const bystander = await newUser();
    const bystanderLinks = await pendingLinks(bystander.id);
    const admin = await signInAdmin();

    await revokeUserSessions(admin.viewer, target.id, testContext());
    await expectLinksRetired(links);
    expect(await db.pendingTotpEnrolment.count({ where: { userId: target.id } })).toBe(0);
    // Only that account's.
    expect(await consumeToken(bystanderLinks.reset, "password_reset")).toMatchObject({ userId: bystander.id });
  });

  it("admin reset-2FA retires pending reset and email-change links", async () => {
    const target = await newUser();
    await enableTwoFactor(target.id);
    const links = await pendingLinks(target.id);
    const admin = await signInAdmin();

    await resetUserTwoFactor(admin.viewer, target.id, testContext());
    await expectLinksRetired(links);
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { totpSetUpUnverified: true } })).toEqual({ totpSetUpUnverified: false });
  });

  it("lets an admin reset a user's 2FA, which also ends their sessions", async () => {
    const target = await newUser();
    await enableTwoFactor(target.id);
    const targetSession = await signIn(target.id);
    const admin = await signInAdmin();

    await resetUserTwoFactor(admin.viewer, target.id, testContext());
    const row = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(row).toMatchObject({ totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null });
    expect(await db.recoveryCode.count({ where: { userId: target.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: target.id } })).toBe(0);
    expect(await validateSessionToken(targetSession.token)).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "admin.two_factor_reset", targetId: target.id } });
    expect(event.actorId).toBe(admin.viewer.userId);
    expect(await db.emailOutbox.count({ where: { to: target.email, subject: { contains: "two-factor authentication was reset" } } })).toBe(1);
    // Nothing left to reset.
    await expect(resetUserTwoFactor(admin.viewer, target.id, testContext())).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses an Admin acting on a Super Admin, who holds permissions the Admin lacks", async () => {
    const actor = await newUser();
    const adminRole = await db.role.findUniqueOrThrow({ where: { key: "admin" } });
    await db.userRole.create({ data: { userId: actor.id, roleId: adminRole.id } });
    await markTwoFactorOn(actor.id);
    const { viewer } = await signIn(actor.id);
    expect(viewer.permissions.has("sessions.manage")).toBe(true);
    const superAdmin = await db.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email }, select: { id: true } });
    const kept = await signIn(superAdmin.id);
    await expect(revokeUserSessions(viewer, superAdmin.id, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resetUserTwoFactor(viewer, superAdmin.id, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    expect(await validateSessionToken(kept.token)).not.toBeNull();
    // A plain user is fine for an Admin.
    const plain = await newUser();
    await expect(revokeUserSessions(viewer, plain.id, testContext())).resolves.toEqual({ revoked: 0 });
  });
});

describe("pruneExpiredSessions", () => {
  it("removes expired and idle sessions only", async () => {
    const user = await newUser();
    const expired = await signIn(user.id);
    const idle = await signIn(user.id);
    const live = await signIn(user.id);
    const nearlyIdle = await signIn(user.id);
    const idleMs = env.SESSION_IDLE_MINUTES * 60_000;
    await db.session.update({ where: { id: expired.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await db.session.update({ where: { id: idle.sessionId }, data: { lastSeenAt: new Date(Date.now() - idleMs - 60_000) } });
    await db.session.update({ where: { id: nearlyIdle.sessionId }, data: { lastSeenAt: new Date(Date.now() - idleMs + 60_000) } });

    expect(await pruneExpiredSessions()).toBeGreaterThanOrEqual(2);
    expect(await sessionExists(expired.sessionId)).toBe(false);
    expect(await sessionExists(idle.sessionId)).toBe(false);
    expect(await sessionExists(live.sessionId)).toBe(true);
    expect(await sessionExists(nearlyIdle.sessionId)).toBe(true);
  });
});
