import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sha256 } from "@/lib/auth/crypto";
import { issueToken } from "@/lib/auth/one-time-tokens";
import { verifyEmail } from "@/lib/data/users/verify-email";
import { openEmailBody } from "@/lib/email/seal-email-body";
import { createTestUser } from "@/test/create-test-user";
import { signUpInput, testContext } from "@/test/helpers";
import { signUpAccount } from "@/test/sign-up-account";

/** The token in the newest verification email sent to `email`. */
async function tokenFromOutbox(email: string): Promise<string> {
  const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const text = openEmailBody(mail.text);
  const match = /\/verify-email\?token=([A-Za-z0-9_%-]+)/.exec(text);
  if (!match) throw new Error(`no verification link in: ${text}`);
  return decodeURIComponent(match[1]!);
}

async function verifiedAt(userId: string) {
  return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerifiedAt: true } })).emailVerifiedAt;
}

const verifiedAudits = (userId: string) => db.auditEvent.count({ where: { action: "user.email_verified", actorId: userId } });

describe("verifyEmail", () => {
  it("verifies the address with the token from the sign-up email and audits it", async () => {
    const input = signUpInput();
    const user = await signUpAccount(input);
    const token = await tokenFromOutbox(input.email);
    expect(await verifiedAt(user.id)).toBeNull();

    const ctx = testContext();
    expect(await verifyEmail(token, ctx)).toEqual({ ok: true, email: input.email });

    expect(await verifiedAt(user.id)).toBeInstanceOf(Date);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.email_verified", actorId: user.id } });
    expect(event).toMatchObject({ targetType: "user", targetId: user.id, ipAddress: ctx.ip, userAgent: ctx.userAgent });
    expect(JSON.parse(event.metadata)).toEqual({ email: input.email });
    const row = await db.oneTimeToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(row.usedAt).toBeInstanceOf(Date);
  });

  it("rejects the same token the second time", async () => {
    const user = await createTestUser({ verified: false });
    const { token } = await issueToken({ userId: user.id, purpose: "email_verification", data: user.email });
    expect((await verifyEmail(token, testContext())).ok).toBe(true);
    expect(await verifyEmail(token, testContext())).toEqual({ ok: false, reason: "invalid" });
    expect(await verifiedAudits(user.id)).toBe(1);
  });

  it("rejects an expired token", async () => {
    const user = await createTestUser({ verified: false });
    const { token } = await issueToken({ userId: user.id, purpose: "email_verification", data: user.email });
    await db.oneTimeToken.update({ where: { tokenHash: sha256(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await verifyEmail(token, testContext())).toEqual({ ok: false, reason: "invalid" });
    expect(await verifiedAt(user.id)).toBeNull();
    expect(await verifiedAudits(user.id)).toBe(0);
  });

  it("rejects a password-reset token and leaves it usable for its own purpose", async () => {
    const user = await createTestUser({ verified: false });
    const { token } = await issueToken({ userId: user.id, purpose: "password_reset", data: user.email });
    expect(await verifyEmail(token, testContext())).toEqual({ ok: false, reason: "invalid" });
    expect(await verifiedAt(user.id)).toBeNull();
    const row = await db.oneTimeToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(row.usedAt).toBeNull();
  });

  it("rejects a token sent to an address the account no longer has", async () => {
    const user = await createTestUser({ verified: false });
    const { token } = await issueToken({ userId: user.id, purpose: "email_verification", data: user.email });
    await db.user.update({ where: { id: user.id }, data: { email: `new-${user.email}` } });
    expect(await verifyEmail(token, testContext())).toEqual({ ok: false, reason: "invalid" });
    expect(await verifiedAt(user.id)).toBeNull();
    expect(await verifiedAudits(user.id)).toBe(0);
  });

  it("accepts a token for an address already verified, without changing or auditing anything", async () => {
    const user = await createTestUser({ verified: true });
    const before = await verifiedAt(user.id);
    const { token } = await issueToken({ userId: user.id, purpose: "email_verification", data: user.email });
    expect(await verifyEmail(token, testContext())).toEqual({ ok: true, email: user.email });
    expect(await verifiedAt(user.id)).toEqual(before);
    expect(await verifiedAudits(user.id)).toBe(0);
  });

  it.each([
    ["a short string", "abc"],
    ["an overlong string", "A".repeat(200)],
    ["path characters", `${"A".repeat(40)}/../x`],
    ["padding", `${"A".repeat(42)}=`],
    ["a number", 12345],
    ["null", null],
    ["undefined", undefined],
    ["an object", { token: "A".repeat(43) }],
  ])("rejects a malformed token: %s", async (_label, token) => {
    expect(await verifyEmail(token, testContext())).toEqual({ ok: false, reason: "invalid" });
  });

  it("rejects a well-formed token that was never issued", async () => {
    expect(await verifyEmail("A".repeat(43), testContext())).toEqual({ ok: false, reason: "invalid" });
  });
});
