import { describe, expect, it } from "vitest";
import { bulkAssignRole } from "@/lib/data/users/bulk-assign-role";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { createTestUser } from "@/test/create-test-user";
import { testContext } from "@/test/helpers";
import { customRole, impersonated, lastAudit, roleId, roleKeysOf, userWithRole } from "@/test/user-admin";

describe("bulkAssignRole", () => {
  it("adds the role to each user the viewer may manage, skipping themself, holders and accounts holding more", async () => {
    const admin = await userWithRole("admin");
    const a = await createTestUser();
    const holder = await createTestUser({ role: "manager" });
    const superAdmin = await createTestUser({ role: "super_admin" });
    const manager = await roleId("manager");

    const result = await bulkAssignRole(admin.viewer, { userIds: [a.id, holder.id, admin.id, superAdmin.id, "nobody"], roleId: manager }, testContext());
    expect(result.assigned).toBe(1);
    expect(Object.fromEntries(result.skipped.map((s) => [s.id, s.reason]))).toEqual({
      [holder.id]: "Already has the Manager role.",
      [admin.id]: "You cannot change your own roles.",
      [superAdmin.id]: expect.stringContaining("permissions you do not have"),
      nobody: "User not found.",
    });
    expect(await roleKeysOf(a.id)).toEqual(["manager", "user"]);
    expect(await roleKeysOf(admin.id)).toEqual(["admin"]);
    expect((await lastAudit("admin.user_roles_changed", a.id))?.meta).toMatchObject({ before: ["user"], after: ["manager", "user"], added: ["manager"] });
  });

  it("refuses the whole request for a role the viewer may not grant (inherited permissions counted) or an unknown role", async () => {
    const admin = await userWithRole("admin");
    const a = await createTestUser();
    const parent = await customRole(["roles.manage"]);
    const child = await customRole([], parent.id);
    await expect(bulkAssignRole(admin.viewer, { userIds: [a.id], roleId: child.id }, testContext())).rejects.toMatchObject({ code: "role_not_grantable" });
    await expect(bulkAssignRole(admin.viewer, { userIds: [a.id], roleId: await roleId("super_admin") }, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(bulkAssignRole(admin.viewer, { userIds: [a.id], roleId: "no-such-role" }, testContext())).rejects.toBeInstanceOf(NotFoundError);
    expect(await roleKeysOf(a.id)).toEqual(["user"]);
  });

  it("needs users.manage and an unimpersonated session", async () => {
    const manager = await userWithRole("manager");
    const admin = await userWithRole("admin");
    const boss = await userWithRole("super_admin");
    const a = await createTestUser();
    const staff = await roleId("staff");
    await expect(bulkAssignRole(manager.viewer, { userIds: [a.id], roleId: staff }, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    const acting = await impersonated(admin.sessionId, admin.token, boss.id);
    await expect(bulkAssignRole(acting, { userIds: [a.id], roleId: staff }, testContext())).rejects.toMatchObject({ code: "impersonation_restricted" });
    expect(await roleKeysOf(a.id)).toEqual(["user"]);
  });
});
