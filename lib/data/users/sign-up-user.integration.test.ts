import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { openEmailBody } from "@/lib/email/seal-email-body";
import * as password from "@/lib/auth/password";
import { signUpUser } from "@/lib/data/users/sign-up-user";
import { ConflictError, ValidationError, RateLimitedError } from "@/lib/errors";
import { hit } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
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

/** The account that owns an address (the sign-up answer itself names no account). */
const accountOf = (email: string) => db.user.findUniqueOrThrow({ where: { email } });

const mailTo = (to: string) => db.emailOutbox.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

afterEach(() => {
  vi.restoreAllMocks();
});

describe("signUpUser", () => {
  it("creates an active, unverified user with the User role, a hashed token, an audit event and an email", async () => {
    const input = signUpInput();
    expect(await signUpUser(input, testContext())).toEqual({ status: "verification_sent", email: input.email });
    const user = await accountOf(input.email);
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
    expect(openEmailBody(email.text)).toContain("/verify-email?token=");
    expect(openEmailBody(email.text)).not.toContain(token.tokenHash);
    expect(await db.auditEvent.count({ where: { action: "user.signed_up", actorId: user.id } })).toBe(1);
  });

  it("stores username and email lower-cased", async () => {
    const input = signUpInput();
    const answer = await signUpUser({ ...input, username: input.username.toUpperCase(), email: input.email.toUpperCase() }, testContext());
    expect(answer.email).toBe(input.email);
    const user = await accountOf(input.email);
    expect(user.username).toBe(input.username);
    expect(user.email).toBe(input.email);
  });

  it("a sign-up for a taken email answers exactly like a new one, creates nothing, and mails the owner a notice instead of a link", async () => {
    const owner = signUpInput();
    await signUpUser(owner, testContext());
    const ownerBefore = await accountOf(owner.email);
    const before = await counts();

    const intruder = signUpInput({ email: owner.email.toUpperCase(), firstName: "Mallory", password: "another strong passphrase 9!", confirmPassword: "another strong passphrase 9!" });
    const taken = await signUpUser(intruder, testContext());
    const fresh = signUpInput();
    const created = await signUpUser(fresh, testContext());

    // The same value, field for field; only the echoed address differs.
    expect(taken).toEqual({ status: "verification_sent", email: owner.email });
    expect(created).toEqual({ status: "verification_sent", email: fresh.email });
    expect(Object.keys(taken).sort()).toEqual(Object.keys(created).sort());

    // Nothing was created or changed for the taken address: no user, token or audit row beyond the fresh sign-up's.
    expect(await db.user.count({ where: { username: intruder.username } })).toBe(0);
    expect(await accountOf(owner.email)).toEqual(ownerBefore);
    const after = await counts();
    expect(after.users).toBe(before.users + 1);
    expect(after.tokens).toBe(before.tokens + 1);
    expect(after.audits).toBe(before.audits + 1);
    // The taken path's rehearsal of the account writes was rolled back without a trace.
    expect(await db.user.count({ where: { username: { startsWith: "rehearsal-" } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "user.signed_up", actorId: ownerBefore.id } })).toBe(1);

    // Exactly one email per sign-up: the owner gets a notice (no link that acts on the account), the new address its link.
    const ownerMail = await mailTo(owner.email);
    expect(ownerMail.map((m) => m.subject)).toEqual([expect.stringContaining("Confirm your email"), expect.stringContaining("Someone tried to create an account")]);
    const notice = openEmailBody(ownerMail[1]!.text);
    expect(notice).toContain("/sign-in");
    expect(notice).toContain("/forgot-password");
    expect(notice).not.toMatch(/token=/);
    for (const detail of [intruder.username, intruder.firstName, intruder.password, ownerBefore.username]) expect(notice).not.toContain(detail);
    const freshMail = await mailTo(fresh.email);
    expect(freshMail).toHaveLength(1);
    expect(openEmailBody(freshMail[0]!.text)).toContain("/verify-email?token=");
    expect(after.emails).toBe(before.emails + 2);
  });

  it("past three mails an hour to an address, sign-ups naming it are refused alike, taken or free", async () => {
    const owner = signUpInput();
    await signUpUser(owner, testContext());
    // The owner's own confirmation email was the first of the three.
    for (let i = 0; i < 2; i++) {
      expect(await signUpUser(signUpInput({ email: owner.email }), testContext())).toEqual({ status: "verification_sent", email: owner.email });
    }
    const taken = await signUpUser(signUpInput({ email: owner.email }), testContext()).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(RateLimitedError);
    expect((await mailTo(owner.email)).map((m) => m.subject)).toEqual([
      expect.stringContaining("Confirm your email"),
      expect.stringContaining("Someone tried to create an account"),
      expect.stringContaining("Someone tried to create an account"),
    ]);
    // A free address whose allowance was spent (here by email-change requests naming it) answers the same.
    const free = signUpInput();
    for (let i = 0; i < 3; i++) await hit(LIMITS.mailToAddress, free.email);
    const refused = await signUpUser(free, testContext()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).message).toBe((taken as RateLimitedError).message.replace(/\d+ min/, (refused as RateLimitedError).message.match(/\d+ min/)![0]));
    expect(await db.user.count({ where: { email: free.email } })).toBe(0);
  });

  it("a sign-up for a taken email spends the same password hash as a new one", async () => {
    const owner = signUpInput();
    await signUpUser(owner, testContext());
    const hash = vi.spyOn(password, "hashPassword");

    await signUpUser(signUpInput(), testContext());
    expect(hash).toHaveBeenCalledTimes(1);
    await signUpUser(signUpInput({ email: owner.email }), testContext());
    expect(hash).toHaveBeenCalledTimes(2);
    expect(hash.mock.calls[1]![0]).toBe(owner.password);
  });

  it("two concurrent sign-ups with the same new email create one account and both get the same answer", async () => {
    const email = signUpInput().email;
    const [a, b] = [signUpInput({ email }), signUpInput({ email })];
    const answers = await Promise.all([signUpUser(a, testContext()), signUpUser(b, testContext())]);

    expect(answers).toEqual([
      { status: "verification_sent", email },
      { status: "verification_sent", email },
    ]);
    expect(await db.user.count({ where: { email } })).toBe(1);
    const subjects = (await mailTo(email)).map((m) => m.subject).sort();
    expect(subjects).toEqual([expect.stringContaining("Confirm your email"), expect.stringContaining("Someone tried to create an account")].sort());
  });

  it("a sign-up that loses the unique-email race while hashing is answered like a new one, not with a 500", async () => {
    const input = signUpInput();
    const realHash = password.hashPassword;
    // Another sign-up commits the same address while this one is inside bcrypt, after its lookup.
    vi.spyOn(password, "hashPassword").mockImplementationOnce(async (plain) => {
      await signUpUser(signUpInput({ email: input.email }), testContext());
      return realHash(plain);
    });

    expect(await signUpUser(input, testContext())).toEqual({ status: "verification_sent", email: input.email });
    expect(await db.user.count({ where: { email: input.email } })).toBe(1);
    expect(await db.user.count({ where: { username: input.username } })).toBe(0);
    expect((await mailTo(input.email)).map((m) => m.subject)).toEqual([expect.stringContaining("Confirm your email"), expect.stringContaining("Someone tried to create an account")]);
  });

  it("a sign-up that loses the unique-username race while hashing gets the username-taken error", async () => {
    const input = signUpInput();
    const realHash = password.hashPassword;
    vi.spyOn(password, "hashPassword").mockImplementationOnce(async (plain) => {
      await signUpUser(signUpInput({ username: input.username }), testContext());
      return realHash(plain);
    });

    const error = await signUpUser(input, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).fieldErrors).toEqual({ username: [expect.stringMatching(/taken/)] });
    expect(await db.user.count({ where: { email: input.email } })).toBe(0);
    expect(await mailTo(input.email)).toHaveLength(0);
  });

  it("a write refused by another unique index (the audit chain raced by another process) is retried, not answered 'username taken'", async () => {
    const input = signUpInput();
    const clash = Object.assign(new Error("Unique constraint failed on the fields: (`seq`)"), { code: "P2002" });
    vi.spyOn(db, "$transaction").mockRejectedValueOnce(clash);
    expect(await signUpUser(input, testContext())).toEqual({ status: "verification_sent", email: input.email });
    expect(await db.user.count({ where: { username: input.username } })).toBe(1);
  });

  it("rejects a taken username whatever its case", async () => {
    const first = signUpInput();
    await signUpUser(first, testContext());
    const before = await counts();
    const error = await signUpUser(signUpInput({ username: first.username.toUpperCase() }), testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).fieldErrors.username?.[0]).toMatch(/taken/);
    expect(await counts()).toEqual(before);
  });

  it("a taken username and a taken email together name only the username", async () => {
    const first = signUpInput();
    await signUpUser(first, testContext());
    const error = await signUpUser(signUpInput({ username: first.username, email: first.email }), testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).fieldErrors).toEqual({ username: [expect.stringMatching(/taken/)] });
  });

  it("every taken-username answer counts against the per-IP sign-up limit", async () => {
    const first = signUpInput();
    await signUpUser(first, testContext());
    const ctx = testContext();
    for (let i = 0; i < 10; i++) {
      await expect(signUpUser(signUpInput({ username: first.username }), ctx), `attempt ${i + 1}`).rejects.toBeInstanceOf(ConflictError);
    }
    await expect(signUpUser(signUpInput({ username: first.username }), ctx)).rejects.toBeInstanceOf(RateLimitedError);
    // Taken emails cost the same points, so probing addresses is limited just as much.
    // (Ten different registered addresses, so that the per-address mail cap is not what stops them.)
    const owners = [];
    for (let i = 0; i < 11; i++) {
      const owner = signUpInput();
      await signUpUser(owner, testContext());
      owners.push(owner.email);
    }
    const other = testContext();
    for (const email of owners.slice(0, 10)) {
      expect(await signUpUser(signUpInput({ email }), other)).toEqual({ status: "verification_sent", email });
    }
    const limited = await signUpUser(signUpInput({ email: owners[10]! }), other).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).message).not.toMatch(/this address/);
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
    const input = signUpInput({ password, confirmPassword: password });
    await signUpUser(input, testContext());
    expect((await accountOf(input.email)).id).toBeTruthy();
  });

  it("limits sign-ups per IP address", async () => {
    const ctx = testContext();
    for (let i = 0; i < 10; i++) await signUpUser(signUpInput(), ctx);
    await expect(signUpUser(signUpInput(), ctx)).rejects.toBeInstanceOf(RateLimitedError);
  });
});
