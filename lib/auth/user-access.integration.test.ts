import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSession, validateSessionToken } from "@/lib/auth/sessions";
import { userAccess } from "@/lib/auth/user-access";
import { createTestUser } from "@/test/create-test-user";
import { recordQueries } from "@/test/query-log";

async function signedIn() {
  const user = await createTestUser();
  const { token } = await createSession({ userId: user.id, remember: false, ip: "203.0.113.9", userAgent: "vitest" });
  return { user, token };
}

const roleIdOf = async (key: string) => (await db.role.findUniqueOrThrow({ where: { key }, select: { id: true } })).id;

describe("user access by record version", () => {
  it("answers a warm session in two single-row reads, and a changed account with one more", async () => {
    const { user, token } = await signedIn();
    await validateSessionToken(token);
    const warm = await recordQueries(() => validateSessionToken(token));
    expect(warm.queries).toHaveLength(2);
    expect(warm.result!.roleIds).toEqual([await roleIdOf("user")]);

    await db.user.update({ where: { id: user.id }, data: { firstName: "Renamed" } });
    const changed = await recordQueries(() => validateSessionToken(token));
    expect(changed.queries).toHaveLength(3);
    expect(changed.result!.user.firstName).toBe("Renamed");
  });

  it("sees a role granted or taken in plain SQL (another instance, a hand edit) on the next request", async () => {
    const { user, token } = await signedIn();
    const userRole = await roleIdOf("user");
    const staffRole = await roleIdOf("staff");
    expect((await validateSessionToken(token))!.roleIds).toEqual([userRole]);

    await db.$executeRawUnsafe(`INSERT INTO "UserRole" ("userId", "roleId") VALUES ('${user.id}', '${staffRole}')`);
    expect([...(await validateSessionToken(token))!.roleIds].sort()).toEqual([userRole, staffRole].sort());

    await db.$executeRawUnsafe(`DELETE FROM "UserRole" WHERE "userId" = '${user.id}' AND "roleId" = '${userRole}'`);
    expect((await validateSessionToken(token))!.roleIds).toEqual([staffRole]);
  });

  it("counts a passkey added or removed on the next request", async () => {
    const { user, token } = await signedIn();
    expect((await validateSessionToken(token))!.passkeyCount).toBe(0);
    const passkey = await db.passkey.create({
      data: {
        userId: user.id,
        credentialId: `cred-${user.id}`,
        publicKey: "pk",
        deviceType: "singleDevice",
        name: "Key",
      },
    });
    expect((await validateSessionToken(token))!.passkeyCount).toBe(1);
    await db.passkey.delete({ where: { id: passkey.id } });
    expect((await validateSessionToken(token))!.passkeyCount).toBe(0);
  });

  it("keeps each account apart", async () => {
    const a = await createTestUser({ role: "staff" });
    const b = await createTestUser();
    const version = async (id: string) =>
      (await db.user.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
    expect((await userAccess(a.id, await version(a.id), 1)).roleIds).toEqual([await roleIdOf("staff")]);
    expect((await userAccess(b.id, await version(b.id), 1)).roleIds).toEqual([await roleIdOf("user")]);
  });

  it("gives role ids with the access version of the same moment", async () => {
    const user = await createTestUser();
    const { version } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { version: true } });
    const current = (await db.accessVersion.findUniqueOrThrow({ where: { id: 1 }, select: { version: true } })).version;
    // A miss reads the roles now, and the access version with them, whatever the caller read before.
    expect((await userAccess(user.id, version, current - 1)).accessVersion).toBe(current);
    // A hit: the roles are what they were when the caller read the account, with its access version.
    expect((await userAccess(user.id, version, current - 1)).accessVersion).toBe(current - 1);
  });
});
