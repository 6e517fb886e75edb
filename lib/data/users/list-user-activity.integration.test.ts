import { describe, expect, it } from "vitest";
import { audit } from "@/lib/audit/audit";
import { authenticateWithPassword } from "@/lib/data/auth/authenticate-with-password";
import { banUser } from "@/lib/data/users/ban-user";
import { listUserActivity } from "@/lib/data/users/list-user-activity";
import { setUserRoles } from "@/lib/data/users/set-user-roles";
import { ForbiddenError } from "@/lib/errors";
import { createTestUser } from "@/test/create-test-user";
import { testContext } from "@/test/helpers";
import { roleId, userWithRole } from "@/test/user-admin";

describe("listUserActivity", () => {
  it("lists events by and about the user, newest first, naming actor, target and the impersonator behind an event", async () => {
    const admin = await userWithRole("admin");
    const impersonator = await userWithRole("super_admin");
    const target = await createTestUser();
    const bystander = await createTestUser();
    await audit({ action: "auth.sign_in_succeeded", actorId: target.id, targetType: "user", targetId: target.id, context: testContext() });
    await audit({ action: "user.profile_updated", actorId: target.id, context: { ...testContext(), impersonatorId: impersonator.id } });
    await audit({ action: "auth.sign_in_succeeded", actorId: bystander.id, targetType: "user", targetId: bystander.id });
    await setUserRoles(admin.viewer, { userId: target.id, roleIds: [await roleId("staff")] }, testContext());
    await banUser(admin.viewer, { userId: target.id, reason: "Testing the log" }, testContext());

    const items = await listUserActivity(admin.viewer, target.id);
    expect(items.map((i) => i.action)).toEqual([
      "admin.user_banned",
      "admin.user_roles_changed",
      "user.profile_updated",
      "auth.sign_in_succeeded",
    ]);
    const [ban, roles, asSomeone, signIn] = items;
    expect(ban).toMatchObject({ label: "Banned a user", actor: { id: admin.id, username: admin.username }, target: { id: target.id } });
    expect(ban!.details).toContainEqual({ key: "reason", value: "Testing the log" });
    expect(roles!.details).toEqual(expect.arrayContaining([{ key: "before", value: "user" }, { key: "after", value: "staff" }]));
    expect(asSomeone).toMatchObject({ actor: { id: target.id }, impersonator: { id: impersonator.id, username: impersonator.username }, target: null });
    expect(signIn).toMatchObject({ target: null, impersonator: null, device: "Chrome 131 on Linux" });
  });

  it("shows a stranger's failed sign-in on the account as done by someone not signed in, on this user", async () => {
    const admin = await userWithRole("admin");
    const target = await createTestUser();
    const result = await authenticateWithPassword({ identifier: target.username, password: "not the password", remember: false }, testContext());
    expect(result).toEqual({ ok: false, reason: "invalid" });
    const [failed] = await listUserActivity(admin.viewer, target.id);
    expect(failed).toMatchObject({ action: "auth.sign_in_failed", actor: null, anonymous: true, target: { id: target.id } });
    expect(failed!.details).toContainEqual({ key: "reason", value: "wrong_password" });
  });

  it("keeps only the newest 20 and needs audit.read", async () => {
    const manager = await userWithRole("manager"); // holds audit.read
    const staff = await userWithRole("staff");
    const target = await createTestUser();
    for (let i = 0; i < 22; i++) await audit({ action: "auth.signed_out", actorId: target.id });
    expect(await listUserActivity(manager.viewer, target.id)).toHaveLength(20);
    await expect(listUserActivity(staff.viewer, target.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
