// Staff applications from sign-up to decision: who may decide, what approval grants, what a
// rejection keeps, and that every step is audited and emailed.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openEmailBody } from "@/lib/email/seal-email-body";
import { signUpUser } from "@/lib/data/users/sign-up-user";
import { approveStaff } from "@/lib/data/staff/approve-staff";
import { rejectStaff } from "@/lib/data/staff/reject-staff";
import { listStaffApplications } from "@/lib/data/staff/list-staff-applications";
import { countPendingStaff } from "@/lib/data/staff/count-pending-staff";
import { getOwnStaffApplication } from "@/lib/data/staff/get-own-staff-application";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { createTestUser } from "@/test/create-test-user";
import { signIn } from "@/test/accounts";
import { signUpInput, testContext } from "@/test/helpers";
import { viewerWithPermissions, viewerWithRole } from "@/test/role-viewers";
import { nextRequestViewer, roleKeysOf } from "@/test/user-admin";

/** Someone who signed up asking for a staff account, email verified unless told otherwise. */
async function applicant(options: { verified?: boolean } = {}) {
  const input = signUpInput({ applyForStaff: true });
  await signUpUser(input, testContext());
  const user = await db.user.findUniqueOrThrow({ where: { email: input.email } });
  if (options.verified ?? true) await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  return user;
}

const lastMailTo = async (to: string) => {
  const row = await db.emailOutbox.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  return { subject: row.subject, text: openEmailBody(row.text) };
};

const auditOf = (action: string, targetId: string) =>
  db.auditEvent.findMany({ where: { action, targetId }, orderBy: { seq: "asc" } });

describe("applying for a staff account at sign-up", () => {
  it("creates the account pending, audited as an application, holding no permission", async () => {
    const user = await applicant();
    expect(user.staffApproval).toBe("pending");
    expect(user.staffRequestedAt).toBeInstanceOf(Date);
    expect(await roleKeysOf(user.id)).toEqual(["user"]);
    const [submitted] = await auditOf("staff.application_submitted", user.id);
    expect(submitted?.actorId).toBe(user.id);
    const { viewer } = await signIn(user.id);
    expect(viewer.pendingApproval).toBe(true);
    expect(viewer.permissions.size).toBe(0);
    expect(await getOwnStaffApplication(viewer)).toMatchObject({ status: "pending" });
  });

  it("is off by default, and only a boolean is accepted", async () => {
    const input = signUpInput();
    await signUpUser(input, testContext());
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    expect(user.staffApproval).toBeNull();
    expect(await auditOf("staff.application_submitted", user.id)).toHaveLength(0);
    const error = await signUpUser(signUpInput({ applyForStaff: "yes" }), testContext()).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.applyForStaff).toBeDefined();
  });
});

describe("the approval queue", () => {
  it("lists pending applications oldest first with what a reviewer needs, and the sidebar counts them", async () => {
    const first = await applicant({ verified: false });
    const second = await applicant();
    // Oldest of all, so the capped list shows them whatever other files left pending in this database.
    await db.user.update({ where: { id: first.id }, data: { staffRequestedAt: new Date("2000-01-01T00:00:00Z") } });
    await db.user.update({ where: { id: second.id }, data: { staffRequestedAt: new Date("2000-01-02T00:00:00Z") } });
    const reviewer = await viewerWithRole("manager");
    const { pending, morePending } = await listStaffApplications(reviewer);
    const ids = pending.map((p) => p.userId);
    expect(ids.indexOf(first.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(pending.find((p) => p.userId === first.id)).toMatchObject({
      username: first.username,
      email: first.email,
      firstName: first.firstName,
      emailVerified: false,
      self: false,
    });
    expect(pending.find((p) => p.userId === second.id)?.emailVerified).toBe(true);
    // The list stops at its cap (other files share this database); the sidebar counts them all.
    const counted = await countPendingStaff(reviewer);
    if (morePending) expect(counted).toBeGreaterThan(pending.length);
    else expect(counted).toBe(pending.length);
  });

  it("counts for the sidebar each active account waiting, at once (an application in, a ban out)", async () => {
    const reviewer = await viewerWithPermissions(["staff.approve"]);
    const before = await countPendingStaff(reviewer);
    const waiting = await applicant();
    await applicant({ verified: false });
    expect(await countPendingStaff(reviewer)).toBe(before + 2);
    await db.user.update({ where: { id: waiting.id }, data: { status: "banned" } });
    expect(await countPendingStaff(reviewer)).toBe(before + 1);
  });

  it("is refused without staff.approve, and to a pending applicant", async () => {
    const plain = (await signIn((await createTestUser()).id)).viewer;
    await expect(listStaffApplications(plain)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await countPendingStaff(plain)).toBe(0);
    const waiting = (await signIn((await applicant()).id)).viewer;
    await expect(listStaffApplications(waiting)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listStaffApplications(null)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe("approving", () => {
  it("grants the Staff role, records who decided, audits before/after and emails the applicant", async () => {
    const user = await applicant();
    const session = await signIn(user.id);
    const reviewer = await viewerWithRole("manager");
    await approveStaff(reviewer, user.id, testContext());

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.staffApproval).toBe("approved");
    expect(row.staffDecidedById).toBe(reviewer.userId);
    expect(row.staffDecidedAt).toBeInstanceOf(Date);
    expect(await roleKeysOf(user.id)).toEqual(["staff", "user"]);

    const [event] = await auditOf("staff.application_approved", user.id);
    expect(event?.actorId).toBe(reviewer.userId);
    expect(JSON.parse(event?.metadata ?? "{}")).toMatchObject({
      staffApprovalBefore: "pending",
      staffApprovalAfter: "approved",
      rolesBefore: ["user"],
      rolesAfter: ["staff", "user"],
    });
    const mail = await lastMailTo(user.email);
    expect(mail.subject).toMatch(/approved/i);
    expect(mail.text).toContain("/dashboard");

    // The applicant's live session holds Staff's permissions on its next request.
    const next = (await nextRequestViewer(session.token))!;
    expect(next.pendingApproval).toBe(false);
    expect(next.permissions.has("customers.read")).toBe(true);
    expect(await listStaffApplications(reviewer).then((l) => l.pending.some((p) => p.userId === user.id))).toBe(false);
  });

  it("answers 409 when the application was decided already, and 404 without one", async () => {
    const user = await applicant();
    const reviewer = await viewerWithRole("manager");
    await approveStaff(reviewer, user.id, testContext());
    await expect(approveStaff(reviewer, user.id, testContext())).rejects.toBeInstanceOf(ConflictError);
    await expect(rejectStaff(reviewer, user.id, { reason: "Too late" }, testContext())).rejects.toBeInstanceOf(
      ConflictError,
    );
    const never = await createTestUser();
    await expect(approveStaff(reviewer, never.id, testContext())).rejects.toBeInstanceOf(NotFoundError);
    await expect(approveStaff(reviewer, "no-such-user", testContext())).rejects.toBeInstanceOf(NotFoundError);
    await expect(approveStaff(reviewer, 42, testContext())).rejects.toBeInstanceOf(NotFoundError);
    expect(await auditOf("staff.application_approved", user.id)).toHaveLength(1);
  });

  it("lets only one of two reviewers deciding at once win", async () => {
    const user = await applicant();
    const [a, b] = [await viewerWithRole("manager"), await viewerWithRole("manager")];
    const outcomes = await Promise.allSettled([
      approveStaff(a, user.id, testContext()),
      rejectStaff(b, user.id, { reason: "Concurrent reviewer" }, testContext()),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === "rejected");
    expect((failed as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const decisions =
      (await auditOf("staff.application_approved", user.id)).length +
      (await auditOf("staff.application_rejected", user.id)).length;
    expect(decisions).toBe(1);
  });

  it("is refused without staff.approve, to an approver lacking a permission of the Staff role, and for oneself", async () => {
    const user = await applicant();
    const plain = (await signIn((await createTestUser()).id)).viewer;
    await expect(approveStaff(plain, user.id, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(approveStaff(null, user.id, testContext())).rejects.toBeInstanceOf(UnauthenticatedError);

    const approverOnly = await viewerWithPermissions(["staff.approve", "dashboard.view"]);
    expect(approverOnly.permissions.has("staff.approve")).toBe(true);
    await expect(approveStaff(approverOnly, user.id, testContext())).rejects.toThrow(/Staff role/);
    // Rejecting grants nothing, so it does not need the Staff role's permissions.
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).staffApproval).toBe("pending");

    // A reviewer whose own account is (somehow) pending: never their own application.
    const reviewer = await viewerWithRole("manager");
    await db.user.update({ where: { id: reviewer.userId }, data: { staffApproval: "pending" } });
    await expect(approveStaff(reviewer, reviewer.userId, testContext())).rejects.toThrow(/your own/);
    await expect(rejectStaff(reviewer, reviewer.userId, { reason: "Nope" }, testContext())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await roleKeysOf(reviewer.userId)).toEqual(["manager"]);
    expect(await roleKeysOf(user.id)).toEqual(["user"]);
  });

  it("does not decide a banned applicant", async () => {
    const user = await applicant();
    await db.user.update({ where: { id: user.id }, data: { status: "banned" } });
    await expect(approveStaff(await viewerWithRole("manager"), user.id, testContext())).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("rejecting", () => {
  it("needs a reason, keeps the account ordinary, audits and emails the reason", async () => {
    const user = await applicant();
    const session = await signIn(user.id);
    const reviewer = await viewerWithRole("manager");
    const missing = await rejectStaff(reviewer, user.id, { reason: "  " }, testContext()).catch((e) => e);
    expect(missing).toBeInstanceOf(ValidationError);
    expect((missing as ValidationError).fieldErrors.reason).toBeDefined();
    await expect(rejectStaff(reviewer, user.id, {}, testContext())).rejects.toBeInstanceOf(ValidationError);
    await expect(rejectStaff(reviewer, user.id, { reason: "x".repeat(501) }, testContext())).rejects.toBeInstanceOf(
      ValidationError,
    );

    const reason = "We are not hiring for this role right now.";
    await rejectStaff(reviewer, user.id, { reason: `  ${reason} ` }, testContext());
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({
      staffApproval: "rejected",
      staffRejectionReason: reason,
      staffDecidedById: reviewer.userId,
    });
    expect(await roleKeysOf(user.id)).toEqual(["user"]);
    const [event] = await auditOf("staff.application_rejected", user.id);
    expect(JSON.parse(event?.metadata ?? "{}")).toMatchObject({ reason, staffApprovalAfter: "rejected" });
    const mail = await lastMailTo(user.email);
    expect(mail.text).toContain(reason);

    const next = (await nextRequestViewer(session.token))!;
    expect(next.pendingApproval).toBe(false);
    expect(next.permissions.has("dashboard.view")).toBe(true);
    expect(next.permissions.has("customers.read")).toBe(false);
    expect(await getOwnStaffApplication(next)).toMatchObject({ status: "rejected", reason });
    await expect(approveStaff(reviewer, user.id, testContext())).rejects.toBeInstanceOf(ConflictError);
  });

  it("is open to an approver who lacks the Staff role's permissions (it grants nothing)", async () => {
    const user = await applicant();
    const approverOnly = await viewerWithPermissions(["staff.approve"]);
    await rejectStaff(approverOnly, user.id, { reason: "Not a fit" }, testContext());
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).staffApproval).toBe("rejected");
  });
});
