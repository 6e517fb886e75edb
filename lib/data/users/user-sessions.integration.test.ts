// listUserSessions and revokeUserSession (and revokeUserSessions' refusal of oneself).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { validateSessionToken } from "@/lib/auth/sessions";
import { listUserSessions } from "@/lib/data/users/list-user-sessions";
import { revokeUserSession } from "@/lib/data/users/revoke-user-session";
import { revokeUserSessions } from "@/lib/data/users/revoke-user-sessions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { signIn } from "@/test/accounts";
import { createTestUser } from "@/test/create-test-user";
import { testContext } from "@/test/helpers";
import { lastAudit, userWithRole } from "@/test/user-admin";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

describe("listUserSessions", () => {
  it("lists that user's live sessions only, with device, address and flags, never token hashes", async () => {
    const admin = await userWithRole("admin");
    const target = await createTestUser();
    const other = await createTestUser();
    const a = await signIn(target.id, "active", CHROME);
    const b = await signIn(target.id, "pending_second_factor");
    await signIn(other.id);
    await db.session.update({ where: { id: b.sessionId }, data: { impersonatorId: admin.id } });

    const sessions = await listUserSessions(admin.viewer, target.id);
    expect(sessions.map((s) => s.id).sort()).toEqual([a.sessionId, b.sessionId].sort());
    const first = sessions.find((s) => s.id === a.sessionId)!;
    expect(first).toMatchObject({ device: "Chrome 131 on Linux", ipAddress: "203.0.113.7", unfinished: false, impersonated: false });
    expect(sessions.find((s) => s.id === b.sessionId)).toMatchObject({ unfinished: true, impersonated: true });
    expect(Object.keys(first)).not.toContain("tokenHash");
  });

  it("needs sessions.manage and a known user", async () => {
    const manager = await userWithRole("manager");
    const admin = await userWithRole("admin");
    const target = await createTestUser();
    await expect(listUserSessions(manager.viewer, target.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listUserSessions(admin.viewer, "no-such-user")).rejects.toBeInstanceOf(NotFoundError);
    await expect(listUserSessions(admin.viewer, 42)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("revokeUserSession", () => {
  it("signs the user out of that one device, audited, leaving the others", async () => {
    const admin = await userWithRole("admin");
    const target = await createTestUser();
    const gone = await signIn(target.id, "active", CHROME);
    const kept = await signIn(target.id);
    await revokeUserSession(admin.viewer, { userId: target.id, sessionId: gone.sessionId }, testContext());
    expect(await validateSessionToken(gone.token)).toBeNull();
    expect(await validateSessionToken(kept.token)).not.toBeNull();
    expect((await lastAudit("admin.user_session_revoked", target.id))?.meta).toEqual({
      sessionId: gone.sessionId,
      device: "Chrome 131 on Linux",
      ipAddress: "203.0.113.7",
    });
  });

  it("answers not found for another user's session id, which survives", async () => {
    const admin = await userWithRole("admin");
    const target = await createTestUser();
    const other = await signIn((await createTestUser()).id);
    await expect(revokeUserSession(admin.viewer, { userId: target.id, sessionId: other.sessionId }, testContext())).rejects.toBeInstanceOf(NotFoundError);
    expect(await validateSessionToken(other.token)).not.toBeNull();
  });

  it("refuses one's own sessions, accounts holding more, and viewers without sessions.manage", async () => {
    const admin = await userWithRole("admin");
    const manager = await userWithRole("manager");
    const boss = await userWithRole("super_admin");
    const target = await signIn((await createTestUser()).id);
    await expect(revokeUserSession(admin.viewer, { userId: admin.id, sessionId: admin.sessionId }, testContext())).rejects.toMatchObject({ code: "own_account" });
    await expect(revokeUserSessions(admin.viewer, admin.id, testContext())).rejects.toMatchObject({ code: "own_account" });
    await expect(revokeUserSession(admin.viewer, { userId: boss.id, sessionId: boss.sessionId }, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeUserSession(manager.viewer, { userId: target.viewer.userId, sessionId: target.sessionId }, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    expect(await validateSessionToken(admin.token)).not.toBeNull();
    expect(await validateSessionToken(boss.token)).not.toBeNull();
    expect(await validateSessionToken(target.token)).not.toBeNull();
  });
});
