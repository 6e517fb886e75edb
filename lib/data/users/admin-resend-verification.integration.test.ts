import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyEmail } from "@/lib/data/users/verify-email";
import { adminResendVerification } from "@/lib/data/users/admin-resend-verification";
import { openEmailBody } from "@/lib/email/seal-email-body";
import { ConflictError, ForbiddenError, RateLimitedError } from "@/lib/errors";
import { createTestUser } from "@/test/create-test-user";
import { testContext } from "@/test/helpers";
import { lastAudit, userWithRole } from "@/test/user-admin";

describe("adminResendVerification", () => {
  it("sends a fresh verification link to an unverified user, audited; the link verifies the address", async () => {
    const admin = await userWithRole("admin");
    const target = await createTestUser({ verified: false });
    expect(await adminResendVerification(admin.viewer, target.id, testContext())).toEqual({ email: target.email });
    expect((await lastAudit("admin.verification_resent", target.id))).toMatchObject({ actorId: admin.id });
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: target.email }, orderBy: { createdAt: "desc" } });
    const token = decodeURIComponent(/\/verify-email\?token=([A-Za-z0-9_%-]+)/.exec(openEmailBody(mail.text))![1]!);
    await verifyEmail(token, testContext());
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).emailVerifiedAt).not.toBeNull();
    await expect(adminResendVerification(admin.viewer, target.id, testContext())).rejects.toBeInstanceOf(ConflictError);
  });

  it("is capped per account, and refuses verified or banned accounts, accounts holding more and viewers without users.manage", async () => {
    const admin = await userWithRole("admin");
    const manager = await userWithRole("manager");
    const target = await createTestUser({ verified: false });
    for (let i = 0; i < 3; i++) await adminResendVerification(admin.viewer, target.id, testContext());
    await expect(adminResendVerification(admin.viewer, target.id, testContext())).rejects.toBeInstanceOf(RateLimitedError);

    await expect(adminResendVerification(admin.viewer, (await createTestUser()).id, testContext())).rejects.toBeInstanceOf(ConflictError);
    await expect(adminResendVerification(admin.viewer, (await createTestUser({ verified: false, status: "banned" })).id, testContext())).rejects.toBeInstanceOf(ConflictError);
    await expect(adminResendVerification(admin.viewer, (await createTestUser({ verified: false, role: "super_admin" })).id, testContext())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(adminResendVerification(manager.viewer, (await createTestUser({ verified: false })).id, testContext())).rejects.toBeInstanceOf(ForbiddenError);
  });
});
