import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { banUser } from "@/lib/data/users/ban-user";
import { resetUserTwoFactor } from "@/lib/data/users/reset-user-two-factor";
import { setUserRoles } from "@/lib/data/users/set-user-roles";
import { AppError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { signIn } from "@/test/accounts";
import { createTestUser } from "@/test/create-test-user";
import { testContext } from "@/test/helpers";
import {
  customRole,
  impersonated,
  lastAudit,
  markTwoFactorOn,
  nextRequestViewer,
  owner,
  roleId,
  roleKeysOf,
  userWithRole,
  withOnlySuperAdmins,
} from "@/test/user-admin";

const ctx = () => testContext();

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("setUserRoles", () => {
  it("replaces the user's roles, audits before/after keys, and counts on the user's next request", async () => {
    const admin = await userWithRole("super_admin");
    const target = await createTestUser();
    const { token } = await signIn(target.id);
    expect((await nextRequestViewer(token))?.permissions.has("users.read")).toBe(false);

    const change = await setUserRoles(admin.viewer, { userId: target.id, roleIds: [await roleId("user"), await roleId("manager")] }, ctx());
    expect(change).toEqual({ before: ["user"], after: ["manager", "user"], changed: true });
    expect(await roleKeysOf(target.id)).toEqual(["manager", "user"]);

    const audit = await lastAudit("admin.user_roles_changed", target.id);
    expect(audit).toMatchObject({ actorId: admin.id, targetType: "user" });
    expect(audit?.meta).toEqual({ before: ["user"], after: ["manager", "user"], added: ["manager"], removed: [] });

    // No sign-in again: the same session's next request holds what Manager grants.
    const next = await nextRequestViewer(token);
    expect(next?.permissions.has("users.read")).toBe(true);
    expect(next?.roles.map((r) => r.key).sort()).toEqual(["manager", "user"]);
  });

  it("writes nothing when the set does not change", async () => {
    const admin = await userWithRole("super_admin");
    const target = await createTestUser();
    const before = await db.auditEvent.count({ where: { action: "admin.user_roles_changed", targetId: target.id } });
    expect(await setUserRoles(admin.viewer, { userId: target.id, roleIds: [await roleId("user")] }, ctx())).toMatchObject({ changed: false });
    expect(await db.auditEvent.count({ where: { action: "admin.user_roles_changed", targetId: target.id } })).toBe(before);
  });

  it("refuses anyone's own roles, even a Super Admin's", async () => {
    const admin = await userWithRole("super_admin");
    const error = await rejection(setUserRoles(admin.viewer, { userId: admin.id, roleIds: [await roleId("user")] }, ctx()));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.code).toBe("own_roles");
    expect(await roleKeysOf(admin.id)).toEqual(["super_admin"]);
  });

  it("needs users.manage: a Manager (users.read only) is refused", async () => {
    const manager = await userWithRole("manager");
    const target = await createTestUser();
    await expect(setUserRoles(manager.viewer, { userId: target.id, roleIds: [await roleId("staff")] }, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    expect(await roleKeysOf(target.id)).toEqual(["user"]);
  });

  it("refuses an impersonated session, whoever is behind it", async () => {
    const admin = await userWithRole("admin");
    const boss = await userWithRole("super_admin");
    const viewer = await impersonated(admin.sessionId, admin.token, boss.id);
    const target = await createTestUser();
    const error = await rejection(setUserRoles(viewer, { userId: target.id, roleIds: [await roleId("staff")] }, ctx()));
    expect(error.code).toBe("impersonation_restricted");
    expect(await roleKeysOf(target.id)).toEqual(["user"]);
  });

  it("refuses granting a role whose inherited permissions the viewer lacks, and allows one they hold", async () => {
    const admin = await userWithRole("admin"); // everything but roles.manage and email.outbox.read
    const parent = await customRole(["roles.manage"]);
    const child = await customRole(["dashboard.view"], parent.id);
    const target = await createTestUser();

    const error = await rejection(setUserRoles(admin.viewer, { userId: target.id, roleIds: [await roleId("user"), child.id] }, ctx()));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.code).toBe("role_not_grantable");
    expect(error.message).toContain("roles.manage");
    expect(await roleKeysOf(target.id)).toEqual(["user"]);

    const fine = await customRole(["customers.read"], await roleId("staff"));
    await setUserRoles(admin.viewer, { userId: target.id, roleIds: [await roleId("user"), fine.id] }, ctx());
    expect(await roleKeysOf(target.id)).toEqual([fine.key, "user"].sort());
  });

  it("refuses removing such a role too: its holder is beyond the viewer, inherited permissions counted", async () => {
    const admin = await userWithRole("admin");
    const parent = await customRole(["email.outbox.read"]);
    const child = await customRole([], parent.id);
    const target = await createTestUser({ role: child.key });
    await expect(setUserRoles(admin.viewer, { userId: target.id, roleIds: [await roleId("user")] }, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(banUser(admin.viewer, { userId: target.id, reason: "spam" }, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    expect(await roleKeysOf(target.id)).toEqual([child.key]);
  });

  it("refuses unknown roles, no role at all, and unknown users", async () => {
    const admin = await userWithRole("super_admin");
    const target = await createTestUser();
    await expect(setUserRoles(admin.viewer, { userId: target.id, roleIds: ["no-such-role"] }, ctx())).rejects.toBeInstanceOf(ValidationError);
    await expect(setUserRoles(admin.viewer, { userId: target.id, roleIds: [] }, ctx())).rejects.toBeInstanceOf(ValidationError);
    await expect(setUserRoles(admin.viewer, { userId: "no-such-user", roleIds: [await roleId("user")] }, ctx())).rejects.toBeInstanceOf(NotFoundError);
    await expect(setUserRoles(admin.viewer, { userId: target.id, roleIds: "user" }, ctx())).rejects.toBeInstanceOf(ValidationError);
    expect(await roleKeysOf(target.id)).toEqual(["user"]);
  });
});

describe("the last active Super Admin", () => {
  it("cannot be demoted, banned or have 2FA reset; with a second one, can", async () => {
    const boss = await owner(); // every permission through a custom role, not a Super Admin
    const only = await createTestUser({ role: "super_admin" });
    await markTwoFactorOn(only.id);
    const user = await roleId("user");

    await withOnlySuperAdmins([only.id], async () => {
      // One after the other: started together, a refusal could settle before it is awaited.
      for (const attempt of [
        () => setUserRoles(boss.viewer, { userId: only.id, roleIds: [user] }, ctx()),
        () => banUser(boss.viewer, { userId: only.id, reason: "leaving" }, ctx()),
        () => resetUserTwoFactor(boss.viewer, only.id, ctx()),
      ]) {
        const error = await rejection(attempt());
        expect(error).toBeInstanceOf(ForbiddenError);
        expect(error.code).toBe("last_super_admin");
      }
      expect(await roleKeysOf(only.id)).toEqual(["super_admin"]);
      expect((await db.user.findUniqueOrThrow({ where: { id: only.id } })).status).toBe("active");

      // A banned Super Admin does not count as the one who remains.
      const banned = await createTestUser({ role: "super_admin", status: "banned" });
      await expect(setUserRoles(boss.viewer, { userId: only.id, roleIds: [user] }, ctx())).rejects.toBeInstanceOf(ForbiddenError);

      // Adding roles to the last one is fine; so is demoting them once another is active.
      await setUserRoles(boss.viewer, { userId: only.id, roleIds: [await roleId("super_admin"), user] }, ctx());
      await db.user.update({ where: { id: banned.id }, data: { status: "active" } });
      await setUserRoles(boss.viewer, { userId: only.id, roleIds: [user] }, ctx());
      expect(await roleKeysOf(only.id)).toEqual(["user"]);
    });
  });

  it("survives two concurrent demotions of the last two: exactly one succeeds", async () => {
    const boss = await owner();
    const other = await owner();
    const a = await createTestUser({ role: "super_admin" });
    const b = await createTestUser({ role: "super_admin" });
    const user = await roleId("user");

    await withOnlySuperAdmins([a.id, b.id], async () => {
      const results = await Promise.allSettled([
        setUserRoles(boss.viewer, { userId: a.id, roleIds: [user] }, ctx()),
        setUserRoles(other.viewer, { userId: b.id, roleIds: [user] }, ctx()),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected");
      expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: "last_super_admin" });
      const remaining = await db.userRole.count({ where: { userId: { in: [a.id, b.id] }, role: { key: "super_admin" } } });
      expect(remaining).toBe(1);
    });
  });

  it("survives a concurrent ban and demotion of the last two: exactly one succeeds", async () => {
    const boss = await owner();
    const other = await owner();
    const a = await createTestUser({ role: "super_admin" });
    const b = await createTestUser({ role: "super_admin" });

    await withOnlySuperAdmins([a.id, b.id], async () => {
      const results = await Promise.allSettled([
        banUser(boss.viewer, { userId: a.id, reason: "leaving" }, ctx()),
        setUserRoles(other.viewer, { userId: b.id, roleIds: [await roleId("user")] }, ctx()),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const active = await db.user.count({
        where: { id: { in: [a.id, b.id] }, status: "active", roles: { some: { role: { key: "super_admin" } } } },
      });
      expect(active).toBe(1);
    });
  });
});
