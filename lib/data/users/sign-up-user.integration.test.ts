import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signUpUser } from "@/lib/data/users/sign-up-user";
import { ConflictError, ValidationError, RateLimitedError } from "@/lib/errors";
import { signUpInput, testContext } from "@/test/helpers";

async function counts() {
  const [users, tokens, audits, emails] = await Promise.all([
    db.user.count(),
    db.oneTimeToken.count(),
    db.auditEvent.count(),
    db.emailOutbox.count(),
  ]);
  return { users, tokens, audits, emails };
}

describe("signUpUser", () => {
  it("creates an active, unverified user with the User role, a hashed token, an audit event and an email", async () => {
    const input = signUpInput();
    const user = await signUpUser(input, testContext());
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { roles: { include: { role: true } } } });
    expect(row.status).toBe("active");
    expect(row.emailVerifiedAt).toBeNull();
    expect(row.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(row.passwordHash).not.toContain(input.password);
    expect(row.roles.map((r) => r.role.key)).toEqual(["user"]);
    const token = await db.oneTimeToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(token.purpose).toBe("email_verification");
    expect(token.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(token.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const email = await db.emailOutbox.findFirstOrThrow({ where: { to: input.email } });
    expect(email.text).toContain("/verify-email?token=");
    expect(email.text).not.toContain(token.tokenHash);
    expect(await db.auditEvent.count({ where: { action: "user.signed_up", actorId: user.id } })).toBe(1);
  });

  it("stores username and email lower-cased", async () => {
    const input = signUpInput();
    const user = await signUpUser({ ...input, username: input.username.toUpperCase(), email: input.email.toUpperCase() }, testContext());
    expect(user.username).toBe(input.username);
    expect(user.email).toBe(input.email);
  });

  it("rejects an email that differs only by case, and writes nothing", async () => {
    const first = signUpInput();
    await signUpUser(first, testContext());
    const before = await counts();
    const second = signUpInput({ email: first.email.toUpperCase() });
    const error = await signUpUser(second, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).fieldErrors.email?.[0]).toMatch(/cannot be used/);
    expect((error as ConflictError).fieldErrors.username).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it("rejects a taken username whatever its case", async () => {
    const first = signUpInput();
    await signUpUser(first, testContext());
    const error = await signUpUser(signUpInput({ username: first.username.toUpperCase() }), testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).fieldErrors.username?.[0]).toMatch(/taken/);
  });

  it.each([
    ["missing fields", {}, ["username", "email", "firstName", "lastName", "dateOfBirth", "password"]],
    ["a 10 kB username", { username: "a".repeat(10_240) }, ["username"]],
    ["an impossible date of birth", { dateOfBirth: "2001-02-30" }, ["dateOfBirth"]],
    ["a future date of birth", { dateOfBirth: "2999-01-01" }, ["dateOfBirth"]],
    ["someone under 13", { dateOfBirth: new Date(Date.now() - 5 * 365 * 86400_000).toISOString().slice(0, 10) }, ["dateOfBirth"]],
    ["a weak password", { password: "password123", confirmPassword: "password123" }, ["password"]],
    ["mismatched passwords", { confirmPassword: "something else entirely 99" }, ["confirmPassword"]],
    ["a malformed email", { email: "not-an-email" }, ["email"]],
  ])("gives field errors for %s and writes nothing", async (_label, patch, fields) => {
    const before = await counts();
    const input = Object.keys(patch).length === 0 ? {} : signUpInput(patch);
    const error = await signUpUser(input, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    for (const field of fields) expect((error as ValidationError).fieldErrors[field]?.length, field).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
  });

  it("accepts any printable characters in a password, spaces and #! included", async () => {
    const password = "  spaced out #! passphrase ünïcode  ";
    const user = await signUpUser(signUpInput({ password, confirmPassword: password }), testContext());
    expect(user.id).toBeTruthy();
  });

  it("limits sign-ups per IP address", async () => {
    const ctx = testContext();
    for (let i = 0; i < 10; i++) await signUpUser(signUpInput(), ctx);
    await expect(signUpUser(signUpInput(), ctx)).rejects.toBeInstanceOf(RateLimitedError);
  });
});
