import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireViewer } from "@/lib/auth/require-viewer";
import { createSession, PENDING_SESSION_MS, validateSessionToken } from "@/lib/auth/sessions";
import { viewerFromSession } from "@/lib/auth/viewer";
import { listOwnSessions } from "@/lib/data/sessions/list-own-sessions";
import { UnauthenticatedError } from "@/lib/errors";
import { createTestUser } from "@/test/create-test-user";

async function activeSession(userId: string, remember = true) {
  const session = await createSession({ userId, remember, ip: "203.0.113.9", userAgent: "vitest" });
  return session;
}

async function buildViewer(token: string) {
  const valid = await validateSessionToken(token);
  if (!valid) throw new Error("session did not validate");
  return viewerFromSession(valid);
}

async function grantRole(userId: string, key: string) {
  const role = await db.role.findUniqueOrThrow({ where: { key }, select: { id: true, requiresTwoFactor: true } });
  await db.userRole.create({ data: { userId, roleId: role.id } });
  return role;
}

describe("viewerFromSession: a role that requires 2FA", () => {
  it("moves an active session to enrolment once its user holds a role requiring 2FA without 2FA", async () => {
    const user = await createTestUser();
    const { token, sessionId } = await activeSession(user.id);
    const before = await buildViewer(token);
    expect(before.sessionState).toBe("active");
    expect(before.permissions.size).toBeGreaterThan(0);

    // An administrator grants the Admin role (which requires 2FA) while the session is live.
    const role = await grantRole(user.id, "admin");
    expect(role.requiresTwoFactor).toBe(true);

    const after = await buildViewer(token);
    expect(after.sessionState).toBe("pending_enrolment");
    expect(after.permissions.size).toBe(0);
    const row = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.state).toBe("pending_enrolment");
    // A held-back session is a half-finished sign-in: it lives at most as long as one.
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + PENDING_SESSION_MS);
    // Actions and API calls refuse it; only the enrolment step accepts it.
    await expect(listOwnSessions(after)).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(() => requireViewer(after)).toThrow(/two-factor/i);
    expect(() => requireViewer(after, ["active", "pending_enrolment"])).not.toThrow();
  });

  it("moves the session when a role the user already holds starts requiring 2FA", async () => {
    const user = await createTestUser();
    const { token, sessionId } = await activeSession(user.id);
    const custom = await db.role.create({
      data: { key: `ops-${sessionId.slice(-8)}`, name: `Ops ${sessionId.slice(-8)}`, requiresTwoFactor: false },
    });
    await db.userRole.create({ data: { userId: user.id, roleId: custom.id } });
    expect((await buildViewer(token)).sessionState).toBe("active");

    await db.role.update({ where: { id: custom.id }, data: { requiresTwoFactor: true } });
    expect((await buildViewer(token)).sessionState).toBe("pending_enrolment");
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).state).toBe("pending_enrolment");
  });

  it("counts a passkey as the second factor: the session stays active and the viewer has 2FA", async () => {
    const user = await createTestUser();
    const { token, sessionId } = await activeSession(user.id);
    expect((await buildViewer(token)).twoFactorEnabled).toBe(false);
    await db.passkey.create({
      data: {
        userId: user.id,
        credentialId: `viewer-${sessionId}`,
        publicKey: "AA",
        deviceType: "multiDevice",
        name: "Laptop",
      },
    });
    await grantRole(user.id, "admin");
    const viewer = await buildViewer(token);
    expect(viewer.sessionState).toBe("active");
    expect(viewer.twoFactorEnabled).toBe(true);
    expect(viewer.permissions.size).toBeGreaterThan(0);
    // Removing the passkey leaves no second factor: the next request holds the session back.
    await db.passkey.deleteMany({ where: { userId: user.id } });
    expect((await buildViewer(token)).sessionState).toBe("pending_enrolment");
  });

  it("leaves the session of a user who has 2FA on, or holds no such role, active", async () => {
    const plain = await createTestUser();
    const plainSession = await activeSession(plain.id);
    expect((await buildViewer(plainSession.token)).sessionState).toBe("active");

    const enrolled = await createTestUser({ role: "admin" });
    await db.user.update({ where: { id: enrolled.id }, data: { totpEnabledAt: new Date() } });
    const enrolledSession = await activeSession(enrolled.id);
    const viewer = await buildViewer(enrolledSession.token);
    expect(viewer.sessionState).toBe("active");
    expect(viewer.permissions.has("sessions.manage")).toBe(true);
    const row = await db.session.findUniqueOrThrow({ where: { id: enrolledSession.sessionId } });
    expect(row.state).toBe("active");
  });

  it("agrees across concurrent requests: every viewer built at once sees the session held back", async () => {
    const user = await createTestUser();
    const { token, sessionId } = await activeSession(user.id);
    await grantRole(user.id, "admin");
    const valid = await validateSessionToken(token);
    const viewers = await Promise.all([1, 2, 3, 4].map(() => viewerFromSession(valid!)));
    for (const v of viewers) {
      expect(v.sessionState).toBe("pending_enrolment");
      expect(v.permissions.size).toBe(0);
    }
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).state).toBe("pending_enrolment");
  });

  it("does not release a held-back session when the role is taken away again", async () => {
    const user = await createTestUser();
    const { token, sessionId } = await activeSession(user.id);
    const role = await grantRole(user.id, "admin");
    expect((await buildViewer(token)).sessionState).toBe("pending_enrolment");
    await db.userRole.deleteMany({ where: { userId: user.id, roleId: role.id } });
    // Privileges are gained only through an explicit step that rotates the token (enrolment or a
    // fresh sign-in), never as a side effect of reading the session.
    const viewer = await buildViewer(token);
    expect(viewer.sessionState).toBe("pending_enrolment");
    expect(viewer.permissions.size).toBe(0);
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).state).toBe("pending_enrolment");
  });
});

describe("viewerFromSession: a staff applicant waiting for approval", () => {
  it("holds no permission while pending, whatever the roles say, and the roles' permissions once decided", async () => {
    const user = await createTestUser({ role: "manager" });
    await db.user.update({ where: { id: user.id }, data: { staffApproval: "pending", staffRequestedAt: new Date() } });
    const { token } = await activeSession(user.id);
    const pending = await buildViewer(token);
    expect(pending.pendingApproval).toBe(true);
    expect(pending.sessionState).toBe("active");
    expect(pending.permissions.size).toBe(0);

    await db.user.update({ where: { id: user.id }, data: { staffApproval: "approved" } });
    const approved = await buildViewer(token);
    expect(approved.pendingApproval).toBe(false);
    expect(approved.permissions.has("customers.read")).toBe(true);
  });
});
