import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bulkBanUsers } from "@/lib/data/users/bulk-ban-users";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { createTestUser } from "@/test/create-test-user";
import { testContext } from "@/test/helpers";
import { lastAudit, markTwoFactorOn, owner, userWithRole, withOnlySuperAdmins } from "@/test/user-admin";

const statusOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("bulkBanUsers", () => {
  it("bans those the viewer may ban and skips, with the reason, themself, accounts holding more, the banned and the unknown", async () => {
    const admin = await userWithRole("admin");
    const a = await createTestUser();
    const b = await createTestUser();
    const superAdmin = await createTestUser({ role: "super_admin" });
    const already = await createTestUser({ status: "banned" });

    const result = await bulkBanUsers(
      admin.viewer,
      { userIds: [a.id, admin.id, b.id, superAdmin.id, already.id, "no-such-user", a.id], reason: "Spam wave" },
      testContext(),
    );
    expect(result.banned).toBe(2);
    expect(Object.fromEntries(result.skipped.map((s) => [s.id, s.reason]))).toEqual({
      [admin.id]: "You cannot ban yourself.",
      [superAdmin.id]: expect.stringContaining("permissions you do not have"),
      [already.id]: "This user is already banned.",
      "no-such-user": "User not found.",
    });
    expect(await statusOf(a.id)).toBe("banned");
    expect(await statusOf(b.id)).toBe("banned");
    expect(await statusOf(admin.id)).toBe("active");
    expect(await statusOf(superAdmin.id)).toBe("active");
    expect((await lastAudit("admin.user_banned", b.id))?.meta).toMatchObject({ reason: "Spam wave" });
  });

  it("skips the last active Super Admin", async () => {
    const boss = await owner();
    const only = await createTestUser({ role: "super_admin" });
    await markTwoFactorOn(only.id);
    const plain = await createTestUser();
    await withOnlySuperAdmins([only.id], async () => {
      const result = await bulkBanUsers(boss.viewer, { userIds: [only.id, plain.id], reason: "Cleanup" }, testContext());
      expect(result).toEqual({ banned: 1, skipped: [{ id: only.id, reason: expect.stringContaining("last active Super Admin") }] });
      expect(await statusOf(only.id)).toBe("active");
    });
  });

  it("needs users.manage and a valid reason and list", async () => {
    const manager = await userWithRole("manager");
    const admin = await userWithRole("admin");
    const a = await createTestUser();
    await expect(bulkBanUsers(manager.viewer, { userIds: [a.id], reason: "Spam" }, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(bulkBanUsers(admin.viewer, { userIds: [a.id], reason: "x" }, testContext())).rejects.toBeInstanceOf(ValidationError);
    await expect(bulkBanUsers(admin.viewer, { userIds: [], reason: "Spam" }, testContext())).rejects.toBeInstanceOf(ValidationError);
    const many = Array.from({ length: 101 }, (_, i) => `id${i}`);
    await expect(bulkBanUsers(admin.viewer, { userIds: many, reason: "Spam" }, testContext())).rejects.toBeInstanceOf(ValidationError);
    expect(await statusOf(a.id)).toBe("active");
  });
});
