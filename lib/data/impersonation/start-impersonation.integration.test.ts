// Starting an impersonation: who may, whom, for how long, and what the session may then do.
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { validateSessionToken } from "@/lib/auth/sessions";
import { viewerFromSession, type Viewer } from "@/lib/auth/viewer";
import { startImpersonation } from "@/lib/data/impersonation/start-impersonation";
import { changePassword } from "@/lib/data/passwords/change-password";
import { revokeOtherSessions } from "@/lib/data/sessions/revoke-other-sessions";
import { revokeOwnSession } from "@/lib/data/sessions/revoke-own-session";
import { disableTotp } from "@/lib/data/two-factor/disable-totp";
import { regenerateRecoveryCodes } from "@/lib/data/two-factor/regenerate-recovery-codes";
import { startTotpEnrolment } from "@/lib/data/two-factor/start-totp-enrolment";
import { confirmEmailChange } from "@/lib/data/users/confirm-email-change";
import { requestEmailChange } from "@/lib/data/users/request-email-change";
import { updateOwnProfile } from "@/lib/data/users/update-own-profile";
import { AppError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { signIn } from "@/test/accounts";
import { createTestUser, type TestUserOptions } from "@/test/create-test-user";
import { STRONG_PASSWORD, testContext, uniqueName } from "@/test/helpers";

const REASON = "Support ticket 4711: the board does not load for them";

afterEach(() => {
  vi.useRealTimers();
});

/** A user of `role`; Super Admin and Admin require 2FA, so theirs is on (or their sessions wait for enrolment). */
async function account(options: TestUserOptions = {}) {
  const user = await createTestUser(options);
  if (options.role === "admin" || options.role === "super_admin") {
    await db.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
  }
  return user;
}

async function adminViewer(role = "admin") {
  const admin = await account({ role });
  const session = await signIn(admin.id);
  return { admin, session, viewer: session.viewer };
}

/** A custom role with these permissions (and parent), for targets that hold more than a plain User. */
async function customRole(permissions: string[], parentId: string | null = null) {
  return db.role.create({
    data: {
      key: uniqueName("role_"),
      name: uniqueName("Role "),
      parentId,
      permissions: { create: permissions.map((key) => ({ permission: { connect: { key } } })) },
    },
    select: { id: true },
  });
}

async function impersonationViewer(token: string): Promise<Viewer> {
  const session = await validateSessionToken(token);
  if (!session) throw new Error("impersonation session did not validate");
  return viewerFromSession(session);
}

const startedEvents = (userId: string) =>
  db.auditEvent.findMany({ where: { action: "impersonation.started", targetId: userId } });

/** Expects a refusal that leaves no session and no event behind. */
async function expectRefused(
  run: () => Promise<unknown>,
  targetId: string,
  error: new (...args: never[]) => AppError,
  code?: string,
) {
  const before = await db.session.count({ where: { userId: targetId } });
  const caught = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(caught).toBeInstanceOf(error);
  if (code) expect((caught as AppError).code).toBe(code);
  expect(await db.session.count({ where: { userId: targetId, impersonatorId: { not: null } } })).toBe(0);
  expect(await db.session.count({ where: { userId: targetId } })).toBe(before);
  expect(await startedEvents(targetId)).toHaveLength(0);
}

describe("startImpersonation", () => {
  it("opens a 30-minute session of the user bound to the admin and their session, audited with the reason, leaving the user's own sessions alone", async () => {
    const { admin, viewer } = await adminViewer();
    const target = await account();
    const own = await signIn(target.id);
    const before = Date.now();

    const started = await startImpersonation(viewer, { userId: target.id, reason: `  ${REASON}  ` }, testContext());

    const row = await db.session.findUniqueOrThrow({ where: { id: started.sessionId } });
    expect(row).toMatchObject({
      userId: target.id,
      state: "active",
      impersonatorId: admin.id,
      impersonatorSessionId: viewer.sessionId,
      impersonationReason: REASON,
    });
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 30 * 60_000 - 1000);
    expect(await validateSessionToken(own.token)).not.toBeNull();

    const acting = await impersonationViewer(started.token);
    expect(acting).toMatchObject({ userId: target.id, impersonatorId: admin.id, sessionState: "active" });
    expect(acting.permissions.has("dashboard.view")).toBe(true);
    expect(acting.permissions.has("users.impersonate")).toBe(false);

    const [event] = await startedEvents(target.id);
    expect(event).toMatchObject({ actorId: admin.id, targetType: "user", targetId: target.id });
    expect(JSON.parse(event!.metadata)).toMatchObject({
      reason: REASON,
      impersonationSessionId: started.sessionId,
      impersonatorSessionId: viewer.sessionId,
    });
  });

  it("never outlives 30 minutes, nor the admin's own session", async () => {
    const { viewer, session } = await adminViewer();
    const target = await account();
    const started = await startImpersonation(viewer, { userId: target.id, reason: REASON }, testContext());
    const now = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now + 29 * 60_000);
    expect(await validateSessionToken(started.token)).not.toBeNull();
    vi.setSystemTime(now + 30 * 60_000 + 1000);
    expect(await validateSessionToken(started.token)).toBeNull();
    vi.useRealTimers();

    // An admin session with ten minutes left gives an impersonation of ten minutes.
    const soon = new Date(Date.now() + 10 * 60_000);
    await db.session.update({ where: { id: session.sessionId }, data: { expiresAt: soon } });
    const short = await startImpersonation(viewer, { userId: (await account()).id, reason: REASON }, testContext());
    expect(short.expiresAt.getTime()).toBe(soon.getTime());
  });

  it("is refused without users.impersonate, for oneself and for unknown users", async () => {
    const plain = await account({ role: "manager" });
    const plainViewer = (await signIn(plain.id)).viewer;
    const target = await account();
    await expectRefused(() => startImpersonation(plainViewer, { userId: target.id, reason: REASON }, testContext()), target.id, ForbiddenError, "forbidden");
    await expectRefused(() => startImpersonation(null, { userId: target.id, reason: REASON }, testContext()), target.id, UnauthenticatedError);

    const { admin, viewer } = await adminViewer();
    await expectRefused(() => startImpersonation(viewer, { userId: admin.id, reason: REASON }, testContext()), admin.id, ForbiddenError);
    await expect(startImpersonation(viewer, { userId: "no-such-user", reason: REASON }, testContext())).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is refused for Super Admins, even by a Super Admin", async () => {
    const { viewer } = await adminViewer("super_admin");
    const other = await account({ role: "super_admin" });
    await expectRefused(() => startImpersonation(viewer, { userId: other.id, reason: REASON }, testContext()), other.id, ForbiddenError);
    const admin = await adminViewer("admin");
    await expectRefused(() => startImpersonation(admin.viewer, { userId: other.id, reason: REASON }, testContext()), other.id, ForbiddenError);
  });

  it("is refused for anyone holding a permission the admin lacks, inherited ones included", async () => {
    const { viewer } = await adminViewer("admin");
    expect(viewer.permissions.has("roles.manage")).toBe(false);

    const direct = await account();
    await db.userRole.create({ data: { userId: direct.id, roleId: (await customRole(["roles.manage"])).id } });
    await expectRefused(() => startImpersonation(viewer, { userId: direct.id, reason: REASON }, testContext()), direct.id, ForbiddenError);

    const parent = await customRole(["email.outbox.read"]);
    const child = await customRole(["board.read"], parent.id);
    const inherited = await account();
    await db.userRole.create({ data: { userId: inherited.id, roleId: child.id } });
    await expectRefused(() => startImpersonation(viewer, { userId: inherited.id, reason: REASON }, testContext()), inherited.id, ForbiddenError);

    // A Super Admin holds both, and may.
    const superAdmin = await adminViewer("super_admin");
    await expect(startImpersonation(superAdmin.viewer, { userId: inherited.id, reason: REASON }, testContext())).resolves.toMatchObject({ userId: inherited.id });
  });

  it("is refused for banned accounts and staff applicants", async () => {
    const { viewer } = await adminViewer();
    const banned = await account({ status: "banned" });
    await expectRefused(() => startImpersonation(viewer, { userId: banned.id, reason: REASON }, testContext()), banned.id, ForbiddenError);
    const applicant = await account();
    await db.user.update({ where: { id: applicant.id }, data: { staffApproval: "pending", staffRequestedAt: new Date() } });
    await expectRefused(() => startImpersonation(viewer, { userId: applicant.id, reason: REASON }, testContext()), applicant.id, ForbiddenError);
  });

  it("is refused from a session that is itself an impersonation, and from one not fully signed in", async () => {
    // A Super Admin acting as an Admin holds users.impersonate through the Admin's roles, and still may not go deeper.
    const { viewer } = await adminViewer("super_admin");
    const adminTarget = await account({ role: "admin" });
    const started = await startImpersonation(viewer, { userId: adminTarget.id, reason: REASON }, testContext());
    const acting = await impersonationViewer(started.token);
    expect(acting.permissions.has("users.impersonate")).toBe(true);
    const third = await account();
    await expectRefused(() => startImpersonation(acting, { userId: third.id, reason: REASON }, testContext()), third.id, ForbiddenError, "impersonation_restricted");

    const admin = await account({ role: "admin" });
    const pending = (await signIn(admin.id, "pending_second_factor")).viewer;
    await expectRefused(() => startImpersonation(pending, { userId: third.id, reason: REASON }, testContext()), third.id, UnauthenticatedError);
  });

  it("needs a reason of 5 to 500 characters", async () => {
    const { viewer } = await adminViewer();
    const target = await account();
    for (const reason of ["", "    ", "abc", "x".repeat(501), undefined]) {
      const caught = await startImpersonation(viewer, { userId: target.id, reason }, testContext()).catch((e: unknown) => e);
      expect(caught).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).fieldErrors.reason?.length).toBeGreaterThan(0);
    }
    expect(await startedEvents(target.id)).toHaveLength(0);
    await expect(startImpersonation(viewer, { userId: target.id, reason: "x".repeat(500) }, testContext())).resolves.toBeDefined();
  });

  it("is not held back for 2FA enrolment when the user's role requires 2FA they have not set up", async () => {
    const { viewer } = await adminViewer("super_admin");
    const target = await account();
    const role = await db.role.create({
      data: { key: uniqueName("r2fa_"), name: uniqueName("Needs 2FA "), requiresTwoFactor: true },
      select: { id: true },
    });
    await db.userRole.create({ data: { userId: target.id, roleId: role.id } });
    // The user's own sign-in waits for enrolment…
    expect((await signIn(target.id)).viewer.sessionState).toBe("pending_enrolment");
    // …the admin acting as them does not.
    const started = await startImpersonation(viewer, { userId: target.id, reason: REASON }, testContext());
    expect((await impersonationViewer(started.token)).sessionState).toBe("active");
    expect(await db.session.findUniqueOrThrow({ where: { id: started.sessionId }, select: { state: true } })).toEqual({ state: "active" });
  });
});

describe("an impersonated session", () => {
  async function acting() {
    const { admin, viewer } = await adminViewer();
    const target = await account();
    const started = await startImpersonation(viewer, { userId: target.id, reason: REASON }, testContext());
    const impersonated = await impersonationViewer(started.token);
    return { admin, target, impersonated, ctx: testContext({ impersonatorId: admin.id }) };
  }

  async function expectRestricted(run: Promise<unknown>) {
    const caught = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(caught).toBeInstanceOf(ForbiddenError);
    expect(caught).toMatchObject({ code: "impersonation_restricted", status: 403 });
  }

  it("acts within the user's permissions, every event keeping both identities", async () => {
    const { admin, target, impersonated, ctx } = await acting();
    await updateOwnProfile(impersonated, { firstName: "Changed", lastName: "ByAdmin", dateOfBirth: "1991-02-03" }, ctx);
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { firstName: true } })).toEqual({ firstName: "Changed" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.profile_updated", targetId: target.id } });
    expect(event.actorId).toBe(target.id);
    expect(JSON.parse(event.metadata)).toMatchObject({ impersonatorId: admin.id });
  });

  it("cannot change the password, 2FA, the email address or sign the user out elsewhere (403 impersonation_restricted)", async () => {
    const { target, impersonated, ctx } = await acting();
    const other = await signIn(target.id);
    const before = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    const newPassword = "violet tractor umbrella 1987 !";

    await expectRestricted(changePassword(impersonated, { currentPassword: STRONG_PASSWORD, password: newPassword, confirmPassword: newPassword }, ctx));
    await expectRestricted(startTotpEnrolment(impersonated, { currentPassword: STRONG_PASSWORD }, ctx));
    await expectRestricted(disableTotp(impersonated, { currentPassword: STRONG_PASSWORD, code: "000000" }, ctx));
    await expectRestricted(regenerateRecoveryCodes(impersonated, { currentPassword: STRONG_PASSWORD, code: "000000" }, ctx));
    await expectRestricted(requestEmailChange(impersonated, { email: `${uniqueName("new")}@example.com`, currentPassword: STRONG_PASSWORD }, ctx));
    await expectRestricted(confirmEmailChange("a".repeat(43), ctx));
    await expectRestricted(revokeOtherSessions(impersonated, ctx));
    await expectRestricted(revokeOwnSession(impersonated, other.sessionId, ctx));

    const after = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.email).toBe(before.email);
    expect(after.totpEnabledAt).toEqual(before.totpEnabledAt);
    expect(await db.pendingTotpEnrolment.count({ where: { userId: target.id } })).toBe(0);
    expect(await db.oneTimeToken.count({ where: { userId: target.id, purpose: "email_change" } })).toBe(0);
    expect(await validateSessionToken(other.token)).not.toBeNull();
  });

  it("the user in their own session still can, and signing out elsewhere ends the impersonation too", async () => {
    const { target } = await acting();
    const own = await signIn(target.id);
    await expect(revokeOtherSessions(own.viewer, testContext())).resolves.toEqual({ revoked: 1 });
  });
});
