// Invitations from the inviter's form to the invitee's first sign-in: who may invite with which
// role, single-use hashed links, resend and revoke, and acceptance that refuses every stale link.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sha256 } from "@/lib/auth/crypto";
import { openEmailBody } from "@/lib/email/seal-email-body";
import { validateSessionToken } from "@/lib/auth/sessions";
import { viewerFromSession } from "@/lib/auth/viewer";
import { createInvitation } from "@/lib/data/invitations/create-invitation";
import { listInvitations } from "@/lib/data/invitations/list-invitations";
import { resendInvitation } from "@/lib/data/invitations/resend-invitation";
import { revokeInvitation } from "@/lib/data/invitations/revoke-invitation";
import { getInvitationByToken } from "@/lib/data/invitations/get-invitation-by-token";
import { acceptInvitation, InvitationUnusableError } from "@/lib/data/invitations/accept-invitation";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
} from "@/lib/errors";
import { createTestUser } from "@/test/create-test-user";
import { signIn } from "@/test/accounts";
import { STRONG_PASSWORD, testContext, uniqueName } from "@/test/helpers";
import { viewerWithPermissions, viewerWithRole } from "@/test/role-viewers";
import { customRole, roleId } from "@/test/user-admin";

const freshEmail = () => `${uniqueName("inv")}@example.com`;

/** The token in the newest invitation mail to `email`. */
async function tokenMailedTo(email: string): Promise<string> {
  const row = await db.emailOutbox.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const match = /\/invite\/([A-Za-z0-9_-]+)/.exec(openEmailBody(row.text));
  if (!match?.[1]) throw new Error("no invitation link in the mail");
  return match[1];
}

function acceptance(overrides: Record<string, unknown> = {}) {
  return {
    username: uniqueName("new"),
    firstName: "Ada",
    lastName: "Lovelace",
    dateOfBirth: "1990-12-10",
    password: STRONG_PASSWORD,
    confirmPassword: STRONG_PASSWORD,
    ...overrides,
  };
}

async function invite(roleKey = "staff", email = freshEmail()) {
  const admin = await viewerWithRole("admin");
  const created = await createInvitation(admin, { email, roleId: await roleId(roleKey) }, testContext());
  return { admin, created, email, token: await tokenMailedTo(email) };
}

const auditOf = (action: string, targetId: string) =>
  db.auditEvent.findMany({ where: { action, targetId }, orderBy: { seq: "asc" } });

describe("inviting", () => {
  it("stores the address lower-cased and only the link's hash, for 7 days, audited, and mails the link", async () => {
    const admin = await viewerWithRole("admin");
    const email = freshEmail();
    const created = await createInvitation(
      admin,
      { email: email.toUpperCase(), roleId: await roleId("staff") },
      testContext(),
    );
    const row = await db.invitation.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.email).toBe(email);
    expect(row.invitedById).toBe(admin.userId);
    const days = (row.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const token = await tokenMailedTo(email);
    expect(row.tokenHash).toBe(sha256(token));
    expect(row.tokenHash).not.toContain(token);
    const [event] = await auditOf("invitation.created", created.id);
    expect(event?.actorId).toBe(admin.userId);
    expect(JSON.parse(event?.metadata ?? "{}")).toMatchObject({ email, role: "staff" });
  });

  it("is refused without users.invite (403), signed out (401), and for invalid input (422)", async () => {
    const staff = await roleId("staff");
    await expect(
      createInvitation(await viewerWithRole("manager"), { email: freshEmail(), roleId: staff }, testContext()),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createInvitation(await viewerWithRole("user"), { email: freshEmail(), roleId: staff }, testContext()),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createInvitation(null, { email: freshEmail(), roleId: staff }, testContext())).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    const admin = await viewerWithRole("admin");
    const bad = await createInvitation(admin, { email: "not-an-address", roleId: "" }, testContext()).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual(["email", "roleId"]);
    await expect(
      createInvitation(admin, { email: freshEmail(), roleId: "no-such-role" }, testContext()),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("refuses a role that grants a permission the inviter lacks (403): Super Admin only from a Super Admin", async () => {
    const admin = await viewerWithRole("admin");
    await expect(
      createInvitation(admin, { email: freshEmail(), roleId: await roleId("super_admin") }, testContext()),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const superAdmin = await viewerWithRole("super_admin");
    await expect(
      createInvitation(superAdmin, { email: freshEmail(), roleId: await roleId("super_admin") }, testContext()),
    ).resolves.toBeDefined();

    const inviter = await viewerWithPermissions(["users.invite", "dashboard.view", "board.read", "audit.read_own"]);
    await expect(
      createInvitation(inviter, { email: freshEmail(), roleId: await roleId("staff") }, testContext()),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createInvitation(inviter, { email: freshEmail(), roleId: await roleId("user") }, testContext()),
    ).resolves.toBeDefined();
    const offered = (await listInvitations(inviter)).roles.map((r) => r.name);
    expect(offered).toContain("User");
    for (const beyond of ["Staff", "Manager", "Admin", "Super Admin"]) expect(offered).not.toContain(beyond);
    expect((await listInvitations(admin)).roles.map((r) => r.name)).not.toContain("Super Admin");
    expect((await listInvitations(superAdmin)).roles.map((r) => r.name)).toContain("Super Admin");
  });

  it("counts a parent role's permissions as the role's own", async () => {
    const child = await customRole([], await roleId("manager"));
    const inviter = await viewerWithPermissions(["users.invite", "dashboard.view", "board.read", "audit.read_own"]);
    await expect(
      createInvitation(inviter, { email: freshEmail(), roleId: child.id }, testContext()),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createInvitation(await viewerWithRole("admin"), { email: freshEmail(), roleId: child.id }, testContext()),
    ).resolves.toBeDefined();
  });

  it("answers 409 for an address that has an account, or a pending invitation, and creates nothing", async () => {
    const admin = await viewerWithRole("admin");
    const existing = await createTestUser();
    const before = await db.invitation.count();
    const taken = await createInvitation(
      admin,
      { email: existing.email.toUpperCase(), roleId: await roleId("staff") },
      testContext(),
    ).catch((e) => e);
    expect(taken).toBeInstanceOf(ConflictError);
    expect((taken as ConflictError).message).toMatch(/already exists/);
    expect((taken as ConflictError).fieldErrors.email).toBeDefined();
    const { email } = await invite();
    await expect(createInvitation(admin, { email, roleId: await roleId("user") }, testContext())).rejects.toThrow(
      /already pending/,
    );
    expect(await db.invitation.count()).toBe(before + 1);
  });

  it("limits the mail one address gets (429)", async () => {
    const { admin, created } = await invite();
    for (let i = 0; i < 4; i++) await resendInvitation(admin, created.id, testContext());
    await expect(resendInvitation(admin, created.id, testContext())).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe("the invitation list", () => {
  it("shows open and closed invitations with their status, and which the viewer may manage", async () => {
    const open = await invite();
    const expired = await invite("user");
    await db.invitation.update({ where: { id: expired.created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await invite("user");
    await revokeInvitation(revoked.admin, revoked.created.id, testContext());
    const superAdmin = await viewerWithRole("super_admin");
    const top = await createInvitation(
      superAdmin,
      { email: freshEmail(), roleId: await roleId("super_admin") },
      testContext(),
    );

    const admin = await viewerWithRole("admin");
    const list = await listInvitations(admin);
    const find = (id: string) => [...list.open, ...list.history].find((i) => i.id === id);
    expect(find(open.created.id)).toMatchObject({
      status: "pending",
      email: open.email,
      roleName: "Staff",
      canManage: true,
    });
    expect(find(open.created.id)?.invitedBy).toBe("Test Person");
    expect(find(expired.created.id)?.status).toBe("expired");
    expect(list.open.some((i) => i.id === expired.created.id)).toBe(true);
    expect(find(revoked.created.id)?.status).toBe("revoked");
    expect(list.history.some((i) => i.id === revoked.created.id)).toBe(true);
    expect(find(top.id)).toMatchObject({ roleName: "Super Admin", canManage: false });
    await expect(listInvitations(await viewerWithRole("manager"))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("resending and revoking", () => {
  it("resend makes a new link with a new 7-day expiry; the old link stops working", async () => {
    const { admin, created, email, token } = await invite();
    await db.invitation.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await getInvitationByToken(token)).state).toBe("expired");
    const resent = await resendInvitation(admin, created.id, testContext());
    expect(resent.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.99 * 86_400_000);
    const fresh = await tokenMailedTo(email);
    expect(fresh).not.toBe(token);
    expect((await getInvitationByToken(token)).state).toBe("invalid");
    expect((await getInvitationByToken(fresh)).state).toBe("usable");
    await expect(acceptInvitation(token, acceptance(), testContext())).rejects.toBeInstanceOf(InvitationUnusableError);
    const [event] = await auditOf("invitation.resent", created.id);
    expect(JSON.parse(event?.metadata ?? "{}")).toHaveProperty("expiresAtAfter", resent.expiresAt.toISOString());
  });

  it("revoke ends the link at once; neither can act on a closed invitation or one whose role they cannot give", async () => {
    const { admin, created, token } = await invite();
    const manager = await viewerWithRole("manager");
    await expect(revokeInvitation(manager, created.id, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    await revokeInvitation(admin, created.id, testContext());
    expect((await getInvitationByToken(token)).state).toBe("revoked");
    const before = await db.user.count();
    const refused = await acceptInvitation(token, acceptance(), testContext()).catch((e) => e);
    expect(refused).toBeInstanceOf(InvitationUnusableError);
    expect((refused as InvitationUnusableError).status).toBe(410);
    expect((refused as InvitationUnusableError).message).toMatch(/revoked/);
    expect(await db.user.count()).toBe(before);
    await expect(revokeInvitation(admin, created.id, testContext())).rejects.toBeInstanceOf(ConflictError);
    await expect(resendInvitation(admin, created.id, testContext())).rejects.toBeInstanceOf(ConflictError);
    await expect(revokeInvitation(admin, "nope", testContext())).rejects.toBeInstanceOf(NotFoundError);
    expect(await auditOf("invitation.revoked", created.id)).toHaveLength(1);

    const superAdmin = await viewerWithRole("super_admin");
    const top = await createInvitation(
      superAdmin,
      { email: freshEmail(), roleId: await roleId("super_admin") },
      testContext(),
    );
    await expect(resendInvitation(admin, top.id, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeInvitation(admin, top.id, testContext())).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("accepting", () => {
  it("shows the link's invitation, then creates a verified account with the role and spends the link", async () => {
    const { admin, created, email, token } = await invite();
    expect(await getInvitationByToken(token)).toMatchObject({
      state: "usable",
      email,
      roleName: "Staff",
      inviterName: "Test Person",
    });
    const input = acceptance({ username: uniqueName("Ada") });
    const answer = await acceptInvitation(token, input, testContext());
    expect(answer).toEqual({ username: input.username.toLowerCase(), email });

    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { roles: { include: { role: true } } } });
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(user.staffApproval).toBeNull();
    expect(user.roles.map((r) => r.role.key)).toEqual(["staff"]);
    expect(user.passwordHash).toMatch(/^\$2[aby]\$/);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.acceptedAt).toBeInstanceOf(Date);
    expect(row.acceptedUserId).toBe(user.id);
    const [event] = await auditOf("invitation.accepted", created.id);
    expect(event?.actorId).toBe(user.id);
    expect(JSON.parse(event?.metadata ?? "{}")).toMatchObject({ email, role: "staff", invitedById: admin.userId });

    const session = await signIn(user.id);
    expect(session.viewer.permissions.has("customers.read")).toBe(true);
    expect((await listInvitations(admin)).history.find((i) => i.id === created.id)).toMatchObject({
      status: "accepted",
      acceptedUsername: user.username,
    });
  });

  it("refuses a used link, an expired one and a malformed one, and creates nothing", async () => {
    const { token } = await invite();
    await acceptInvitation(token, acceptance(), testContext());
    const expired = await invite();
    const before = await db.user.count();
    const reused = await acceptInvitation(token, acceptance(), testContext()).catch((e) => e);
    expect(reused).toBeInstanceOf(InvitationUnusableError);
    expect((reused as InvitationUnusableError).message).toMatch(/used already/);
    expect((await getInvitationByToken(token)).state).toBe("accepted");

    await db.invitation.update({ where: { id: expired.created.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expect(acceptInvitation(expired.token, acceptance(), testContext())).rejects.toThrow(/expired/);
    await expect(acceptInvitation("short", acceptance(), testContext())).rejects.toBeInstanceOf(
      InvitationUnusableError,
    );
    expect((await getInvitationByToken("short")).state).toBe("invalid");
    expect((await getInvitationByToken("A".repeat(43))).state).toBe("invalid");
    expect(await db.user.count()).toBe(before);
  });

  it("refuses an address that got an account since (409) and leaves the invitation open", async () => {
    const { created, email, token } = await invite();
    const someone = await createTestUser();
    await db.user.update({ where: { id: someone.id }, data: { email } });
    expect((await getInvitationByToken(token)).state).toBe("account_exists");
    await expect(acceptInvitation(token, acceptance(), testContext())).rejects.toBeInstanceOf(ConflictError);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: created.id } })).acceptedAt).toBeNull();
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("checks the form like sign-up: a taken username (409), a guessable password and bad fields (422)", async () => {
    const { created, token } = await invite();
    const other = await createTestUser();
    const taken = await acceptInvitation(token, acceptance({ username: other.username }), testContext()).catch(
      (e) => e,
    );
    expect(taken).toBeInstanceOf(ConflictError);
    expect((taken as ConflictError).fieldErrors.username).toBeDefined();
    const weak = await acceptInvitation(
      token,
      acceptance({ username: "adalove", password: "adalove12345", confirmPassword: "adalove12345" }),
      testContext(),
    ).catch((e) => e);
    expect(weak).toBeInstanceOf(ValidationError);
    expect((weak as ValidationError).fieldErrors.password).toBeDefined();
    const bad = await acceptInvitation(token, acceptance({ dateOfBirth: "2099-01-01" }), testContext()).catch((e) => e);
    expect(Object.keys((bad as ValidationError).fieldErrors)).toEqual(["dateOfBirth"]);
    const mismatch = await acceptInvitation(token, acceptance({ confirmPassword: "different" }), testContext()).catch(
      (e) => e,
    );
    expect(Object.keys((mismatch as ValidationError).fieldErrors)).toEqual(["confirmPassword"]);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: created.id } })).acceptedAt).toBeNull();
  });

  it("lets exactly one of two simultaneous acceptances make an account", async () => {
    const { email, token } = await invite();
    const outcomes = await Promise.allSettled([
      acceptInvitation(token, acceptance(), testContext()),
      acceptInvitation(token, acceptance(), testContext()),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("sends an invitee whose role requires 2FA to enrolment on their first session", async () => {
    const superAdmin = await viewerWithRole("super_admin");
    const email = freshEmail();
    await createInvitation(superAdmin, { email, roleId: await roleId("admin") }, testContext());
    await acceptInvitation(await tokenMailedTo(email), acceptance(), testContext());
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const { token } = await signIn(user.id);
    const session = await validateSessionToken(token);
    const viewer = await viewerFromSession(session!);
    expect(viewer.sessionState).toBe("pending_enrolment");
    expect(viewer.permissions.size).toBe(0);
  });
});
