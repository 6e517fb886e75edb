import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { createSession, validateSessionToken, type SessionState } from "@/lib/auth/sessions";
import { viewerFromSession } from "@/lib/auth/viewer";
import { listOwnActivity } from "@/lib/data/activity/list-own-activity";
import { authenticateWithPassword } from "@/lib/data/auth/authenticate-with-password";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { createTestUser, type TestUserOptions } from "@/test/create-test-user";
import { testContext } from "@/test/helpers";
import { recordQueries } from "@/test/query-log";

async function viewerFor(options: TestUserOptions = {}, state: SessionState = "active") {
  const user = await createTestUser(options);
  const { token } = await createSession({ userId: user.id, remember: false, state, ip: null, userAgent: null });
  const session = await validateSessionToken(token);
  if (!session) throw new Error("session did not validate");
  return { user, viewer: await viewerFromSession(session) };
}

describe("listOwnActivity", () => {
  it("returns only the viewer's own events, newest first, labelled", async () => {
    const { user, viewer } = await viewerFor();
    const other = await createTestUser();
    const ctx = testContext();
    await audit({ action: "auth.sign_in_succeeded", actorId: user.id, context: ctx });
    await audit({ action: "auth.sign_in_failed", actorId: other.id, targetType: "user", targetId: user.id });
    await audit({ action: "auth.signed_out", actorId: user.id, context: ctx });
    await audit({ action: "auth.signed_out", actorId: other.id });
    // A system event about the account is not the viewer's activity.
    await audit({ action: "admin.user_banned", targetType: "user", targetId: user.id });

    const items = await listOwnActivity(viewer);
    const mine = await db.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { seq: "desc" }, select: { id: true } });
    expect(items.map((i) => i.id)).toEqual(mine.map((r) => r.id));
    expect(items.map((i) => i.action)).toEqual(["auth.signed_out", "auth.sign_in_succeeded"]);
    expect(items.map((i) => i.label)).toEqual(["Signed out", "Signed in"]);
    expect(items[0]).toMatchObject({ ipAddress: ctx.ip, userAgent: ctx.userAgent });
    expect(items[0]!.createdAt).toBeInstanceOf(Date);
    expect(items[0]).not.toHaveProperty("metadata");
    expect(items[0]).not.toHaveProperty("actorId");

    const others = await db.auditEvent.findMany({ where: { actorId: { not: user.id } }, select: { id: true } });
    const otherIds = new Set(others.map((r) => r.id));
    expect(items.some((i) => otherIds.has(i.id))).toBe(false);
  });

  it("shows failed sign-ins and lockouts on the viewer's account, which name no actor (whoever typed is unknown)", async () => {
    const { user, viewer } = await viewerFor();
    const stranger = testContext({ ip: "203.0.113.77" });
    await audit({ action: "auth.sign_in_succeeded", actorId: user.id, context: testContext() });
    await authenticateWithPassword({ identifier: user.username, password: "not the password", remember: false }, stranger);
    await audit({ action: "auth.account_locked", targetType: "user", targetId: user.id, context: stranger });
    const items = await listOwnActivity(viewer);
    expect(items.map((i) => i.action)).toEqual(["auth.account_locked", "auth.sign_in_failed", "auth.sign_in_succeeded"]);
    expect(items[1]).toMatchObject({ label: "Failed sign-in", ipAddress: "203.0.113.77" });
  });

  it("is available to a user whose email is not verified yet", async () => {
    const { user, viewer } = await viewerFor({ verified: false });
    expect(viewer.emailVerified).toBe(false);
    await audit({ action: "user.signed_up", actorId: user.id });
    expect((await listOwnActivity(viewer)).map((i) => i.action)).toEqual(["user.signed_up"]);
  });

  it("caps the number of items between 1 and 50", async () => {
    const { user, viewer } = await viewerFor();
    for (let i = 0; i < 55; i++) await audit({ action: "auth.sign_in_failed", actorId: user.id, metadata: { i } });
    expect(await listOwnActivity(viewer)).toHaveLength(10);
    expect(await listOwnActivity(viewer, 3)).toHaveLength(3);
    expect(await listOwnActivity(viewer, 1000)).toHaveLength(50);
    expect(await listOwnActivity(viewer, 0)).toHaveLength(1);
    expect(await listOwnActivity(viewer, -5)).toHaveLength(1);
  });

  it("takes the newest of both kinds together, in one driver read", async () => {
    const { user, viewer } = await viewerFor();
    const stranger = testContext({ ip: "203.0.113.9" });
    for (let i = 0; i < 8; i++) await audit({ action: "auth.sign_in_succeeded", actorId: user.id, metadata: { i } });
    for (let i = 0; i < 8; i++) {
      await audit({ action: "auth.sign_in_failed", targetType: "user", targetId: user.id, context: stranger });
      await audit({ action: "auth.signed_out", actorId: user.id, metadata: { i } });
    }
    const { result, queries } = await recordQueries(() => listOwnActivity(viewer, 10));
    expect(queries).toHaveLength(1);
    expect(result.map((i) => i.action)).toEqual(
      Array.from({ length: 5 }, () => ["auth.signed_out", "auth.sign_in_failed"]).flat(),
    );
    expect(result[1]).toMatchObject({ ipAddress: "203.0.113.9", label: "Failed sign-in" });
    expect(result.every((i) => i.createdAt instanceof Date && !Number.isNaN(i.createdAt.getTime()))).toBe(true);
  });

  it("refuses without a viewer", async () => {
    await expect(listOwnActivity(null)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("refuses a session that still waits for its second factor", async () => {
    const { viewer } = await viewerFor({}, "pending_second_factor");
    expect(viewer.permissions.size).toBe(0);
    await expect(listOwnActivity(viewer)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
