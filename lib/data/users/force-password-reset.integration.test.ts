import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { validateSessionToken } from "@/lib/auth/sessions";
import { resetPassword } from "@/lib/data/passwords/reset-password";
import { forcePasswordReset } from "@/lib/data/users/force-password-reset";
import { openEmailBody } from "@/lib/email/seal-email-body";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { signIn } from "@/test/accounts";
import { createTestUser } from "@/test/create-test-user";
import { testContext } from "@/test/helpers";
import { impersonated, lastAudit, userWithRole } from "@/test/user-admin";

const NEW_PASSWORD = "orange kayak meadow 2231 ?";

async function resetLinkTo(email: string): Promise<string> {
  const mail = await db.emailOutbox.findFirstOrThrow({
    where: { to: email, subject: { contains: "new" } },
    orderBy: { createdAt: "desc" },
  });
  return decodeURIComponent(/\/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(openEmailBody(mail.text))![1]!);
}

describe("forcePasswordReset", () => {
  it("emails the standard reset link, which the ordinary reset page accepts; signs out everywhere by default", async () => {
    const admin = await userWithRole("admin");
    const target = await createTestUser();
    const open = await signIn(target.id);
    // A passkey an intruder may have added would sign in again without the password: it goes too.
    await db.passkey.create({
      data: {
        userId: target.id,
        credentialId: `reset-${target.id}`,
        publicKey: "AA",
        deviceType: "singleDevice",
        name: "Unknown key",
      },
    });

    expect(await forcePasswordReset(admin.viewer, { userId: target.id }, testContext())).toEqual({
      email: target.email,
      sessionsEnded: 1,
    });
    expect(await validateSessionToken(open.token)).toBeNull();
    expect(await db.passkey.count({ where: { userId: target.id } })).toBe(0);
    const audit = await lastAudit("admin.password_reset_forced", target.id);
    expect(audit).toMatchObject({ actorId: admin.id });
    expect(audit?.meta).toEqual({
      signedOut: true,
      sessionsEnded: 1,
      apiKeysRevoked: 0,
      passkeysRemoved: 1,
      linksRemoved: 0,
    });
    const mail = await db.emailOutbox.findFirstOrThrow({
      where: { to: target.email, subject: { contains: "new" } },
      orderBy: { createdAt: "desc" },
    });
    expect(openEmailBody(mail.text)).toContain("removed your passkey");

    const token = await resetLinkTo(target.email);
    await resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext());
    const row = await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { passwordChangedAt: true } });
    expect(row.passwordChangedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("can leave the sessions alone until the new password is set; a second link retires the first", async () => {
    const admin = await userWithRole("admin");
    const target = await createTestUser();
    const open = await signIn(target.id);
    await forcePasswordReset(admin.viewer, { userId: target.id, signOut: false }, testContext());
    const first = await resetLinkTo(target.email);
    expect(await validateSessionToken(open.token)).not.toBeNull();
    expect((await lastAudit("admin.password_reset_forced", target.id))?.meta).toEqual({
      signedOut: false,
      sessionsEnded: 0,
      apiKeysRevoked: 0,
      passkeysRemoved: 0,
      linksRemoved: 0,
    });

    await forcePasswordReset(admin.viewer, { userId: target.id, signOut: false }, testContext());
    await expect(
      resetPassword({ token: first, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext()),
    ).rejects.toMatchObject({ code: "invalid_token" });
  });

  it("refuses oneself, banned accounts, accounts holding more, impersonated sessions and viewers without users.manage", async () => {
    const admin = await userWithRole("admin");
    const manager = await userWithRole("manager");
    const boss = await userWithRole("super_admin");
    const target = await createTestUser();
    const banned = await createTestUser({ status: "banned" });

    await expect(forcePasswordReset(admin.viewer, { userId: admin.id }, testContext())).rejects.toMatchObject({
      code: "own_account",
    });
    await expect(forcePasswordReset(admin.viewer, { userId: banned.id }, testContext())).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(forcePasswordReset(admin.viewer, { userId: boss.id }, testContext())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(forcePasswordReset(manager.viewer, { userId: target.id }, testContext())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const acting = await impersonated(admin.sessionId, admin.token, boss.id);
    await expect(forcePasswordReset(acting, { userId: target.id }, testContext())).rejects.toMatchObject({
      code: "impersonation_restricted",
    });
    expect(
      await db.oneTimeToken.count({
        where: { userId: { in: [target.id, banned.id, boss.id] }, purpose: "password_reset" },
      }),
    ).toBe(0);
  });
});
