import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getUserDetail } from "@/lib/data/users/get-user-detail";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { signIn } from "@/test/accounts";
import { createTestUser } from "@/test/create-test-user";
import { customRole, impersonated, markTwoFactorOn, owner, roleId, userWithRole, withOnlySuperAdmins } from "@/test/user-admin";

describe("getUserDetail", () => {
  it("shows the profile without secrets, roles with inherited permissions, and counts live sessions", async () => {
    const admin = await userWithRole("admin");
    const parent = await customRole(["customers.read", "customers.write"]);
    const child = await customRole(["products.read"], parent.id);
    const target = await createTestUser({ role: child.key, verified: false });
    await signIn(target.id);
    await signIn(target.id);

    const detail = await getUserDetail(admin.viewer, target.id);
    expect(detail).toMatchObject({
      id: target.id,
      username: target.username,
      email: target.email,
      status: "active",
      emailVerified: false,
      twoFactorEnabled: false,
      activeSessions: 2,
      staffApproval: null,
      isSelf: false,
      isSuperAdmin: false,
    });
    for (const secret of ["passwordHash", "totpSecretEnc", "totpLastStep"]) expect(Object.keys(detail)).not.toContain(secret);
    expect(detail.roles).toEqual([
      expect.objectContaining({ id: child.id, inheritsFrom: [parent.name], permissionCount: 3, builtIn: false }),
    ]);
    expect(detail.permissions).toEqual(["customers.read", "customers.write", "products.read"]);
    expect(detail.permissionSources).toEqual({
      "customers.read": [child.name],
      "customers.write": [child.name],
      "products.read": [child.name],
    });
    expect(detail.assignableRoles.find((r) => r.id === child.id)).toMatchObject({ held: true, refusal: null });
  });

  it("answers not found for an unknown id and forbidden without users.read", async () => {
    const admin = await userWithRole("admin");
    const staff = await userWithRole("staff");
    await expect(getUserDetail(admin.viewer, "no-such-user")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUserDetail(admin.viewer, { id: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUserDetail(staff.viewer, admin.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("an Admin may manage and impersonate a plain user, but not grant Super Admin", async () => {
    const admin = await userWithRole("admin");
    const target = await createTestUser();
    await markTwoFactorOn(target.id);
    const detail = await getUserDetail(admin.viewer, target.id);
    expect(detail.viewerMay).toEqual({
      manage: true,
      changeRoles: true,
      ban: true,
      unban: false,
      forcePasswordReset: true,
      resendVerification: false,
      manageSessions: true,
      resetTwoFactor: true,
      impersonate: true,
      decideStaffApplication: false,
      readActivity: true,
    });
    expect(detail.refusals.unban).toBe("This user is not banned.");
    const superAdminRole = detail.assignableRoles.find((r) => r.key === "super_admin")!;
    expect(superAdminRole.refusal).toContain("permissions you do not hold");
    expect(detail.assignableRoles.find((r) => r.key === "manager")!.refusal).toBeNull();
  });

  it("an Admin may do nothing to a Super Admin, and nobody impersonates one", async () => {
    const admin = await userWithRole("admin");
    const boss = await owner();
    const superAdmin = await createTestUser({ role: "super_admin" });
    const byAdmin = await getUserDetail(admin.viewer, superAdmin.id);
    expect(Object.entries(byAdmin.viewerMay).filter(([, ok]) => ok).map(([k]) => k)).toEqual(["readActivity"]);
    expect(byAdmin.refusals.manage).toContain("permissions you do not have");
    const byOwner = await getUserDetail(boss.viewer, superAdmin.id);
    expect(byOwner.viewerMay).toMatchObject({ manage: true, changeRoles: true, impersonate: false });
    expect(byOwner.refusals.impersonate).toBe("Super Admins cannot be impersonated.");
  });

  it("on oneself: nothing that changes one's own access", async () => {
    const admin = await userWithRole("super_admin");
    const detail = await getUserDetail(admin.viewer, admin.id);
    expect(detail.isSelf).toBe(true);
    expect(detail.viewerMay).toMatchObject({ changeRoles: false, ban: false, impersonate: false, manageSessions: false, resetTwoFactor: false, forcePasswordReset: false });
    expect(detail.refusals.changeRoles).toBe("You cannot change your own roles.");
    expect(detail.assignableRoles.every((r) => r.refusal === "You cannot change your own roles.")).toBe(true);
  });

  it("without users.impersonate, from an impersonated session, or for a banned account: no impersonation", async () => {
    const manager = await userWithRole("manager");
    const admin = await userWithRole("admin");
    const boss = await userWithRole("super_admin");
    const plain = await createTestUser();
    const banned = await createTestUser({ status: "banned" });
    expect((await getUserDetail(manager.viewer, plain.id)).viewerMay).toMatchObject({ manage: false, impersonate: false });
    expect((await getUserDetail(admin.viewer, banned.id)).viewerMay).toMatchObject({ impersonate: false, ban: false, unban: true });
    const acting = await impersonated(admin.sessionId, admin.token, boss.id);
    const detail = await getUserDetail(acting, plain.id);
    expect(detail.viewerMay).toMatchObject({ impersonate: false, changeRoles: false, ban: true });
    expect(detail.refusals.changeRoles).toBe("Not while impersonating someone.");
  });

  it("flags the last active Super Admin and a pending staff application", async () => {
    const boss = await owner();
    const only = await createTestUser({ role: "super_admin" });
    await markTwoFactorOn(only.id);
    await withOnlySuperAdmins([only.id], async () => {
      const detail = await getUserDetail(boss.viewer, only.id);
      expect(detail).toMatchObject({ isSuperAdmin: true, isLastActiveSuperAdmin: true });
      expect(detail.viewerMay).toMatchObject({ manage: true, ban: false, resetTwoFactor: false, changeRoles: true });
      expect(detail.assignableRoles.find((r) => r.key === "super_admin")).toMatchObject({ held: true, refusal: "The last active Super Admin keeps this role." });
    });
    const applicant = await createTestUser();
    await db.user.update({ where: { id: applicant.id }, data: { staffApproval: "pending", staffRequestedAt: new Date() } });
    const detail = await getUserDetail(boss.viewer, applicant.id);
    expect(detail).toMatchObject({ staffApproval: "pending", viewerMay: { decideStaffApplication: true } });
    expect(detail.roles.map((r) => r.id)).toEqual([await roleId("user")]);
  });
});
