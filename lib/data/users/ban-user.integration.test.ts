import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { consumeToken, issueToken } from "@/lib/auth/one-time-tokens";
import { createSession, validateSessionToken } from "@/lib/auth/sessions";
import { authenticateWithPassword } from "@/lib/data/auth/authenticate-with-password";
import { banUser } from "@/lib/data/users/ban-user";
import { unbanUser } from "@/lib/data/users/unban-user";
import { openEmailBody } from "@/lib/email/seal-email-body";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { signIn } from "@/test/accounts";
import { apiKeyFor } from "@/test/api-keys";
import { createTestUser } from "@/test/create-test-user";
import { testContext } from "@/test/helpers";
import { lastAudit, userWithRole } from "@/test/user-admin";

const ctx = () => testContext();
const statusOf = async (id: string) =>
  db.user.findUniqueOrThrow({ where: { id }, select: { status: true, bannedAt: true, banReason: true } });
const mailTo = (to: string, subject: string) =>
  db.emailOutbox.findFirst({ where: { to, subject: { contains: subject } }, orderBy: { createdAt: "desc" } });

describe("banUser", () => {
  it("bans with the reason, ends every session and in-flight link in the same step, audits and emails the reason", async () => {
    const admin = await userWithRole("admin");
    const target = await createTestUser();
    const sessions = [await signIn(target.id), await signIn(target.id, "pending_second_factor")];
    const reset = await issueToken({ userId: target.id, purpose: "password_reset" });
    const key = await apiKeyFor(target.id, ["dashboard.view"]);

    expect(await banUser(admin.viewer, { userId: target.id, reason: "  Posting spam in the board  " }, ctx())).toEqual({
      sessionsEnded: 2,
      version: expect.any(Number),
    });

    const row = await statusOf(target.id);
    expect(row).toMatchObject({ status: "banned", banReason: "Posting spam in the board" });
    expect(row.bannedAt).toBeInstanceOf(Date);
    for (const s of sessions) expect(await validateSessionToken(s.token)).toBeNull();
    expect(await consumeToken(reset.token, "password_reset")).toBeNull();

    const audit = await lastAudit("admin.user_banned", target.id);
    expect(audit).toMatchObject({ actorId: admin.id });
    expect(audit?.meta).toEqual({ before: "active", after: "banned", reason: "Posting spam in the board", sessionsEnded: 2, apiKeysRevoked: 1 });
    // Revoked for good: lifting the ban later does not bring the key back.
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).not.toBeNull();

    const mail = await mailTo(target.email, "suspended");
    expect(openEmailBody(mail!.text)).toContain("Posting spam in the board");

    // The password no longer opens a session.
    const signInAttempt = await authenticateWithPassword({ identifier: target.username, password: target.password, remember: false }, ctx());
    expect(signInAttempt).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("signs out a session that was valid a moment ago on its next request", async () => {
    const admin = await userWithRole("admin");
    const target = await createTestUser();
    const open = await signIn(target.id);
    expect(await validateSessionToken(open.token)).not.toBeNull();
    await banUser(admin.viewer, { userId: target.id, reason: "Chargeback fraud" }, ctx());
    expect(await validateSessionToken(open.token)).toBeNull();
    // Even a session row written behind the ban's back does not validate for a banned account.
    const late = await createSession({ userId: target.id, remember: false, ip: null, userAgent: null });
    expect(await validateSessionToken(late.token)).toBeNull();
  });

  it("wants a reason of 3–500 characters", async () => {
    const admin = await userWithRole("admin");
    const target = await createTestUser();
    for (const reason of ["", "  x ", "a".repeat(501), undefined]) {
      const error = await banUser(admin.viewer, { userId: target.id, reason }, ctx()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors.reason?.[0]).toBeTruthy();
    }
    expect((await statusOf(target.id)).status).toBe("active");
  });

  it("refuses oneself, viewers without users.manage, accounts holding more, unknown ids and repeat bans", async () => {
    const admin = await userWithRole("admin");
    const manager = await userWithRole("manager");
    const superAdmin = await createTestUser({ role: "super_admin" });
    const target = await createTestUser();
    const reason = "Abusive messages";

    await expect(banUser(admin.viewer, { userId: admin.id, reason }, ctx())).rejects.toMatchObject({ code: "own_account" });
    await expect(banUser(manager.viewer, { userId: target.id, reason }, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(banUser(admin.viewer, { userId: superAdmin.id, reason }, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(banUser(admin.viewer, { userId: "no-such-user", reason }, ctx())).rejects.toBeInstanceOf(NotFoundError);
    expect((await statusOf(superAdmin.id)).status).toBe("active");
    expect((await statusOf(target.id)).status).toBe("active");

    await banUser(admin.viewer, { userId: target.id, reason }, ctx());
    await expect(banUser(admin.viewer, { userId: target.id, reason: "Again" }, ctx())).rejects.toBeInstanceOf(ConflictError);
    expect((await statusOf(target.id)).banReason).toBe(reason);
  });
});

describe("unbanUser", () => {
  it("lifts the ban, keeps the old reason in the audit row, emails the user, and the account can sign in again", async () => {
    const admin = await userWithRole("admin");
    const target = await createTestUser();
    await banUser(admin.viewer, { userId: target.id, reason: "Shared account" }, ctx());

    await unbanUser(admin.viewer, target.id, ctx());
    expect(await statusOf(target.id)).toEqual({ status: "active", bannedAt: null, banReason: null });
    const audit = await lastAudit("admin.user_unbanned", target.id);
    expect(audit?.meta).toMatchObject({ before: "banned", after: "active", banReason: "Shared account" });
    expect(await mailTo(target.email, "active again")).not.toBeNull();

    const again = await authenticateWithPassword({ identifier: target.username, password: target.password, remember: false }, ctx());
    expect(again).toMatchObject({ ok: true, state: "active" });
  });

  it("refuses an account that is not banned, viewers without users.manage, and accounts holding more", async () => {
    const admin = await userWithRole("admin");
    const manager = await userWithRole("manager");
    const target = await createTestUser();
    await expect(unbanUser(admin.viewer, target.id, ctx())).rejects.toBeInstanceOf(ConflictError);
    await banUser(admin.viewer, { userId: target.id, reason: "Testing" }, ctx());
    await expect(unbanUser(manager.viewer, target.id, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    const bannedSuper = await createTestUser({ role: "super_admin", status: "banned" });
    await expect(unbanUser(admin.viewer, bannedSuper.id, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    expect((await statusOf(bannedSuper.id)).status).toBe("banned");
  });
});
