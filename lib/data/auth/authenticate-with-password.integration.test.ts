import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { openEmailBody } from "@/lib/email/seal-email-body";
import { signDeviceCookie } from "@/lib/auth/device-cookie";
import { auditedIdentifierDigest } from "@/lib/auth/identifier-digest";
import { createSession, validateSessionToken } from "@/lib/auth/sessions";
import { viewerFromSession } from "@/lib/auth/viewer";
import { authenticateWithPassword, type AuthenticateResult } from "@/lib/data/auth/authenticate-with-password";
import { changePassword } from "@/lib/data/passwords/change-password";
import { requestPasswordReset } from "@/lib/data/passwords/request-password-reset";
import { resetPassword } from "@/lib/data/passwords/reset-password";
import { LIMITS } from "@/lib/rate-limit/limits";
import { createTestUser } from "@/test/create-test-user";
import { testContext, uniqueName } from "@/test/helpers";
import { TEST_ADMIN } from "@/test/test-env";

// A seam between the password check and what follows it: runs `afterVerify` once the hash has
// been compared, as a concurrent request would while bcrypt is busy.
const seam = vi.hoisted(() => ({ afterVerify: null as null | (() => Promise<void>) }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    verifyPassword: async (password: string, hash: string) => {
      const ok = await real.verifyPassword(password, hash);
      const hook = seam.afterVerify;
      seam.afterVerify = null;
      if (hook) await hook();
      return ok;
    },
  };
});

afterEach(() => {
  seam.afterVerify = null;
});

const WRONG = "not the right password at all";
const NEW_PASSWORD = "violet tractor umbrella 1987 !";

function attempt(identifier: string, password: string, ctx = testContext(), remember = false, deviceCookie?: string | null): Promise<AuthenticateResult> {
  return authenticateWithPassword({ identifier, password, remember, deviceCookie }, ctx);
}

/** Signs in from `ctx` and returns the device cookie that browser now holds. */
async function trustedBrowser(user: { username: string; password: string }, ctx = testContext()): Promise<string> {
  const result = await attempt(user.username, user.password, ctx);
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return result.deviceCookie;
}

async function failedAudits(where: { targetId?: string; identifier?: string }) {
  const rows = await db.auditEvent.findMany({
    where: {
      action: "auth.sign_in_failed",
      ...(where.targetId ? { targetId: where.targetId } : {}),
      ...(where.identifier ? { metadata: { contains: `"identifierDigest":"${auditedIdentifierDigest(where.identifier)}"` } } : {}),
    },
    orderBy: { seq: "asc" },
  });
  return rows.map((r) => ({ ...r, meta: JSON.parse(r.metadata) as Record<string, unknown> }));
}

/** The reset email is sent in the background: wait for it, then read the raw token from its link. */
async function resetTokenFromOutbox(email: string): Promise<string> {
  const mail = await vi.waitFor(
    async () => db.emailOutbox.findFirstOrThrow({ where: { to: email, subject: { contains: "Reset your" } }, orderBy: { createdAt: "desc" } }),
    { timeout: 5000, interval: 50 },
  );
  return decodeURIComponent(/\/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(openEmailBody(mail.text))![1]!);
}

/**
 * Lock audits are written in the background, after the owner's notice: wait until `n` are there.
 * They name the account as the target, never as the actor: whoever reached the lock is unknown.
 */
async function lockAudits(userId: string, n: number) {
  const where = { action: "auth.account_locked", targetType: "user", targetId: userId };
  await vi.waitFor(async () => expect(await db.auditEvent.count({ where })).toBe(n), { timeout: 5000, interval: 25 });
  expect(await db.auditEvent.count({ where: { ...where, actorId: { not: null } } })).toBe(0);
}

const lockoutEmails = (email: string) => db.emailOutbox.count({ where: { to: email, subject: { contains: "paused" } } });

describe("authenticateWithPassword", () => {
  it("signs in by username, opening an active session and auditing it", async () => {
    const user = await createTestUser();
    const ctx = testContext();
    const result = await attempt(user.username, user.password, ctx);
    expect(result).toMatchObject({ ok: true, userId: user.id, state: "active" });
    if (!result.ok) throw new Error("unreachable");
    const session = await validateSessionToken(result.sessionToken);
    expect(session?.user.id).toBe(user.id);
    expect(session?.state).toBe("active");
    const row = await db.session.findUniqueOrThrow({ where: { id: session!.id } });
    expect(row).toMatchObject({ ipAddress: ctx.ip, userAgent: ctx.userAgent, remember: false });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_succeeded", actorId: user.id } });
    expect(event).toMatchObject({ targetType: "session", targetId: session!.id, ipAddress: ctx.ip });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toBeInstanceOf(Date);
  });

  it.each([
    ["the username in upper case", (u: { username: string }) => u.username.toUpperCase()],
    ["the email", (u: { email: string }) => u.email],
    ["the email in upper case", (u: { email: string }) => u.email.toUpperCase()],
    ["the email with surrounding spaces", (u: { email: string }) => `  ${u.email}  `],
  ])("signs in by %s", async (_label, identifierOf) => {
    const user = await createTestUser();
    expect(await attempt(identifierOf(user), user.password)).toMatchObject({ ok: true, userId: user.id });
  });

  it("remembers the session when asked", async () => {
    const user = await createTestUser();
    const result = await attempt(user.username, user.password, testContext(), true);
    if (!result.ok) throw new Error("sign-in failed");
    const session = await validateSessionToken(result.sessionToken);
    expect(session?.remember).toBe(true);
  });

  it("refuses a wrong password with the generic answer and audits it", async () => {
    const user = await createTestUser();
    const sessionsBefore = await db.session.count({ where: { userId: user.id } });
    const ctx = testContext();
    expect(await attempt(user.username, WRONG, ctx)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(user.username, user.password.toUpperCase(), ctx)).toEqual({ ok: false, reason: "invalid" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);
    const audits = await failedAudits({ targetId: user.id });
    expect(audits).toHaveLength(2);
    // A stranger's guess must not read as the account owner's own action: no actor, the account as target.
    expect(audits[0]).toMatchObject({ actorId: null, actorType: "anonymous", targetType: "user", targetId: user.id, outcome: "failure" });
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_failed", actorId: user.id } })).toBe(0);
    expect(audits[0]!.meta).toMatchObject({ identifier: user.username, reason: "wrong_password", failures: 1 });
    expect(audits[1]!.meta).toMatchObject({ failures: 2 });
    expect(JSON.stringify(audits)).not.toContain(WRONG);
  });

  it("refuses an unknown account with the same answer and audits it", async () => {
    const identifier = uniqueName("nobody");
    expect(await attempt(identifier, WRONG)).toEqual({ ok: false, reason: "invalid" });
    const audits = await failedAudits({ identifier });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: null, targetId: null });
    expect(audits[0]!.meta).toMatchObject({ reason: "unknown_account" });
  });

  it("refuses a banned account even with the right password, with the same answer, and audits it", async () => {
    const user = await createTestUser({ status: "banned" });
    const sessionsBefore = await db.session.count({ where: { userId: user.id } });
    expect(await attempt(user.username, user.password)).toEqual({ ok: false, reason: "invalid" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);
    const audits = await failedAudits({ targetId: user.id });
    expect(audits.map((a) => a.meta.reason)).toEqual(["account_banned"]);
  });

  it("refuses a service account even with its password, with the same answer, and a session of one is over at once", async () => {
    const user = await createTestUser();
    await db.user.update({ where: { id: user.id }, data: { kind: "service" } });
    expect(await attempt(user.username, user.password)).toEqual({ ok: false, reason: "invalid" });
    const audits = await failedAudits({ targetId: user.id });
    expect(audits.map((a) => a.meta.reason)).toEqual(["service_account"]);
    const forged = await createSession({ userId: user.id, remember: false, ip: null, userAgent: null });
    expect(await validateSessionToken(forged.token)).toBeNull();
  });

  it("throttles an account after 5 failures from one source, even with the right password", async () => {
    const user = await createTestUser();
    const attacker = testContext();
    for (let i = 1; i <= 4; i++) expect(await attempt(user.username, WRONG, attacker), `failure ${i}`).toEqual({ ok: false, reason: "invalid" });
    expect(await db.auditEvent.count({ where: { action: "auth.account_locked", targetId: user.id } })).toBe(0);
    expect(await attempt(user.username, WRONG, attacker)).toEqual({ ok: false, reason: "invalid" });

    const locked = await attempt(user.username, user.password, attacker);
    expect(locked.ok).toBe(false);
    expect(locked).toMatchObject({ reason: "throttled" });
    if (locked.ok || locked.reason !== "throttled") throw new Error("unreachable");
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect((await failedAudits({ targetId: user.id })).at(-1)!.meta).toMatchObject({ reason: "account_locked" });
    await lockAudits(user.id, 1);
  });

  it("an attacker's failures from one source do not lock the account for another untrusted source", async () => {
    const user = await createTestUser();
    const attacker = testContext();
    for (let i = 0; i < 8; i++) await attempt(user.username, WRONG, attacker);
    expect(await attempt(user.username, user.password, attacker)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await attempt(user.username, user.password, testContext())).toMatchObject({ ok: true, userId: user.id });
  });

  it("an account locked by an attacker still lets the owner's browser with a device cookie sign in", async () => {
    const user = await createTestUser();
    const home = testContext();
    const device = await trustedBrowser(user, home);
    // The attacker keeps the account locked from their source, and even from the owner's own IP.
    for (const source of [testContext(), home]) {
      for (let i = 0; i < 7; i++) await attempt(user.username, WRONG, source);
      expect(await attempt(user.username, user.password, source)).toMatchObject({ ok: false, reason: "throttled" });
    }
    const owner = await attempt(user.username, user.password, home, false, device);
    expect(owner).toMatchObject({ ok: true, userId: user.id });
    // By email too.
    expect(await attempt(user.email, user.password, testContext(), false, device)).toMatchObject({ ok: true, userId: user.id });
  });

  it("a neighbour who uses up the network's sign-in limit does not lock out a browser with a device cookie", async () => {
    const owner = await createTestUser();
    const office = testContext();
    const device = await trustedBrowser(owner, office);
    // Someone else on the same address (an office, a carrier NAT) guesses at random accounts.
    for (let i = 0; i < LIMITS.signInIp.points; i++) await attempt(uniqueName("nobody"), WRONG, office);
    expect(await attempt(owner.username, owner.password, office)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await attempt(owner.username, owner.password, office, false, device)).toMatchObject({ ok: true });
  });

  it("a trusted browser's own wrong passwords still lock it (under its own counter)", async () => {
    const user = await createTestUser();
    const device = await trustedBrowser(user);
    const ctx = testContext();
    for (let i = 0; i < 5; i++) expect(await attempt(user.username, WRONG, ctx, false, device)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(user.username, user.password, ctx, false, device)).toMatchObject({ ok: false, reason: "throttled" });
    // Another browser is not locked by those failures.
    expect(await attempt(user.username, user.password, testContext())).toMatchObject({ ok: true });
  });

  it("a device cookie for another account or a forged one gives no trust", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const othersDevice = await trustedBrowser(other);
    const [v, , nonce, issued, mac] = othersDevice.split(".");
    const forged = [v, user.id, nonce, issued, mac].join(".");
    const attacker = testContext();
    for (let i = 0; i < 5; i++) await attempt(user.username, WRONG, attacker);
    for (const cookie of [othersDevice, forged, "v1.garbage", signDeviceCookie(user.id).slice(0, -2)]) {
      expect(await attempt(user.username, user.password, attacker, false, cookie), cookie).toMatchObject({ ok: false, reason: "throttled" });
    }
  });

  it("sets a device cookie only after the right password for an active account", async () => {
    const user = await createTestUser();
    const result = await attempt(user.username, user.password);
    expect(result).toMatchObject({ ok: true, deviceCookie: expect.stringContaining(user.id) });
    expect(await attempt(user.username, WRONG)).not.toHaveProperty("deviceCookie");
    const banned = await createTestUser({ status: "banned" });
    expect(await attempt(banned.username, banned.password)).not.toHaveProperty("deviceCookie");
  });

  it("stops distributed guessing at a per-account ceiling for untrusted sources; a trusted browser still signs in", async () => {
    const user = await createTestUser();
    const device = await trustedBrowser(user);
    const ceiling = LIMITS.signInAccountUntrusted.points;
    for (let i = 1; i <= ceiling; i++) expect(await attempt(user.username, WRONG), `guess ${i}`).toEqual({ ok: false, reason: "invalid" });
    const refused = await attempt(user.username, user.password, testContext());
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    const checked = await db.auditEvent.count({ where: { targetId: user.id, action: "auth.sign_in_failed", metadata: { contains: "wrong_password" } } });
    expect(checked).toBe(ceiling);
    expect(await attempt(user.username, user.password, testContext(), false, device)).toMatchObject({ ok: true });
    // The owner hears of it once, not once per source.
    await lockAudits(user.id, 1);
    expect(await lockoutEmails(user.email)).toBe(1);
  });

  it("locking an account through its username does not lock it through its email (nothing links the two)", async () => {
    const user = await createTestUser();
    const attacker = testContext();
    for (let i = 0; i < 6; i++) await attempt(user.username, WRONG, attacker);
    expect(await attempt(user.username, user.password, attacker)).toMatchObject({ ok: false, reason: "throttled" });
    // From the very same source, the email answers as it would for any other account.
    expect(await attempt(user.email, WRONG, attacker)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(user.email, user.password, attacker)).toMatchObject({ ok: true, userId: user.id });
  });

  it("the ceiling reached through the username leaves the email path open", async () => {
    const user = await createTestUser();
    for (let i = 0; i < LIMITS.signInAccountUntrusted.points; i++) await attempt(user.username, WRONG);
    expect(await attempt(user.username, user.password)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await attempt(user.email, user.password)).toMatchObject({ ok: true, userId: user.id });
  });

  it("emails the owner once, at the 5th failure", async () => {
    const user = await createTestUser({ firstName: "Lovelace" });
    const ctx = testContext();
    for (let i = 1; i <= 5; i++) await attempt(user.username, WRONG, ctx);
    await lockAudits(user.id, 1);
    expect(await lockoutEmails(user.email)).toBe(1);
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: user.email, subject: { contains: "paused" } } });
    expect(openEmailBody(mail.text)).toContain("Hi Lovelace,");
    expect(openEmailBody(mail.text)).toContain(ctx.ip!);
    expect(openEmailBody(mail.text)).not.toContain(WRONG);

    // Throttled attempts do not send more, nor does a second source reaching the threshold: the
    // notice cannot be turned into a way of flooding the owner's inbox.
    await attempt(user.username, WRONG, ctx);
    const elsewhere = testContext();
    for (let i = 1; i <= 6; i++) await attempt(user.username, WRONG, elsewhere);
    await lockAudits(user.id, 2);
    expect(await lockoutEmails(user.email)).toBe(1);
    expect(await db.emailOutbox.count({ where: { to: user.email } })).toBe(1);
  });

  it("throttles an unknown identifier after 5 failures, so lockouts reveal nothing", async () => {
    const identifier = uniqueName("ghost");
    const ctx = testContext();
    for (let i = 1; i <= 5; i++) expect(await attempt(identifier, WRONG, ctx)).toEqual({ ok: false, reason: "invalid" });
    const result = await attempt(identifier.toUpperCase(), WRONG, ctx);
    expect(result).toMatchObject({ ok: false, reason: "throttled" });
    if (result.ok || result.reason !== "throttled") throw new Error("unreachable");
    expect(result.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("starts counting afresh after a successful sign-in", async () => {
    const user = await createTestUser();
    const ctx = testContext();
    for (let i = 0; i < 4; i++) await attempt(user.username, WRONG, ctx);
    expect(await attempt(user.username, user.password, ctx)).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) expect(await attempt(user.username, WRONG, ctx)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(user.username, user.password, ctx)).toMatchObject({ ok: true });
    expect(await failedAudits({ targetId: user.id }).then((a) => a.map((x) => x.meta.failures))).toEqual([1, 2, 3, 4, 1, 2, 3, 4]);
    expect(await lockoutEmails(user.email)).toBe(0);
  });

  it("throttles an IP address after its failure budget (30, checked before each attempt), whichever accounts it tries", async () => {
    const ctx = testContext();
    // 30 failures are allowed; the 31st attempt is refused before any password check.
    for (let i = 0; i < 30; i++) expect(await attempt(uniqueName("spray"), WRONG, ctx)).toEqual({ ok: false, reason: "invalid" });
    const user = await createTestUser();
    const result = await attempt(user.username, user.password, ctx);
    expect(result).toMatchObject({ ok: false, reason: "throttled" });
    expect(await attempt(user.username, user.password, testContext())).toMatchObject({ ok: true });
  });

  it("leaves a session that requires two-factor enrolment pending for the seeded admin", async () => {
    const result = await attempt(TEST_ADMIN.username, TEST_ADMIN.password);
    expect(result).toMatchObject({ ok: true, state: "pending_enrolment" });
    if (!result.ok) throw new Error("unreachable");
    const session = await validateSessionToken(result.sessionToken);
    expect(session?.state).toBe("pending_enrolment");
    expect(
      await db.auditEvent.count({ where: { action: "auth.password_accepted", targetId: session!.id } }),
    ).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_succeeded", targetId: session!.id } })).toBe(0);
  });

  it("leaves a session pending the second factor for a user with TOTP enabled", async () => {
    const user = await createTestUser();
    await db.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date(), totpSecretEnc: "v1.x.y.z" } });
    expect(await attempt(user.username, user.password)).toMatchObject({ ok: true, state: "pending_second_factor" });
  });

  it("holds under a concurrent burst: 40 simultaneous wrong passwords from one source check at most 6", async () => {
    const user = await createTestUser();
    const ctx = testContext();
    const results = await Promise.all(Array.from({ length: 40 }, () => attempt(user.username, WRONG, ctx)));
    const checked = await db.auditEvent.count({ where: { targetId: user.id, action: "auth.sign_in_failed", metadata: { contains: "wrong_password" } } });
    expect(checked).toBeLessThanOrEqual(6);
    expect(results.filter((r) => !r.ok && r.reason === "throttled").length).toBeGreaterThanOrEqual(34);
    // Even the right password is refused while the lock holds.
    expect(await attempt(user.username, user.password, ctx)).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("holds under a distributed concurrent burst: simultaneous guesses from many sources check at most the ceiling", async () => {
    const user = await createTestUser();
    const ceiling = LIMITS.signInAccountUntrusted.points;
    await Promise.all(Array.from({ length: ceiling + 30 }, () => attempt(user.username, WRONG)));
    const checked = await db.auditEvent.count({ where: { targetId: user.id, action: "auth.sign_in_failed", metadata: { contains: "wrong_password" } } });
    expect(checked).toBeLessThanOrEqual(ceiling);
    expect(await attempt(user.username, user.password)).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("keeps no identifier that names no account in the audit, only a keyed digest", async () => {
    const typed = ["Tr0ub4dor&3 my secret", "hunter2hunter2", "correct.horse@battery.staple", uniqueName("nobody")];
    for (const identifier of typed) await attempt(identifier, WRONG);
    const rows = await db.auditEvent.findMany({ select: { metadata: true } });
    const everything = JSON.stringify(rows).toLowerCase();
    for (const identifier of typed) {
      expect(everything, identifier).not.toContain(identifier.toLowerCase());
      // The same identifier again is still recognisable, by its digest.
      const audits = await failedAudits({ identifier });
      expect(audits, identifier).toHaveLength(1);
      expect(audits[0]!.meta).toMatchObject({ reason: "unknown_account" });
      expect(audits[0]!.meta).not.toHaveProperty("identifier");
    }
    await attempt(typed[1]!.toUpperCase(), WRONG);
    expect(await failedAudits({ identifier: typed[1]! })).toHaveLength(2);
  });

  it("keeps the identifier of a failed sign-in that names an account, with that account as the target", async () => {
    const user = await createTestUser();
    await attempt(user.email.toUpperCase(), WRONG);
    const [audit] = await failedAudits({ targetId: user.id });
    expect(audit).toMatchObject({ targetType: "user", targetId: user.id });
    expect(audit!.meta).toMatchObject({ identifier: user.email, reason: "wrong_password" });
  });

  it("keeps no unknown identifier in the audit of an IP-throttled attempt either", async () => {
    const ctx = testContext();
    for (let i = 0; i < 30; i++) await attempt(uniqueName("spray"), WRONG, ctx);
    const identifier = uniqueName("typedwhilethrottled");
    expect(await attempt(identifier, WRONG, ctx)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await db.auditEvent.count({ where: { metadata: { contains: identifier } } })).toBe(0);
    expect(await failedAudits({ identifier })).toHaveLength(1);
  });

  it("a sign-in that overlaps a password reset leaves no session for the old password", async () => {
    const user = await createTestUser();
    await requestPasswordReset({ email: user.email }, testContext());
    const token = await resetTokenFromOutbox(user.email);
    // The reset commits after the old password was verified and before the session is written.
    seam.afterVerify = async () => {
      await resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext());
    };
    const result = await attempt(user.username, user.password);
    expect(seam.afterVerify).toBeNull();
    expect(result).toEqual({ ok: false, reason: "invalid" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await attempt(user.username, NEW_PASSWORD)).toMatchObject({ ok: true });
  });

  it("a sign-in that overlaps a password change leaves no session for the old password", async () => {
    const user = await createTestUser();
    const first = await attempt(user.username, user.password);
    if (!first.ok) throw new Error("sign-in failed");
    const viewer = await viewerFromSession((await validateSessionToken(first.sessionToken))!);
    let kept = "";
    seam.afterVerify = async () => {
      const changed = await changePassword(viewer, { currentPassword: user.password, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext());
      kept = changed.token;
    };
    const overlapping = await attempt(user.username, user.password);
    expect(kept).not.toBe("");
    expect(overlapping).toEqual({ ok: false, reason: "invalid" });
    // Only the session that made the change lives on.
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await validateSessionToken(kept)).not.toBeNull();
  });

  it("a sign-in racing a password reset never leaves a live session for the old password", async () => {
    for (let round = 0; round < 3; round++) {
      const user = await createTestUser();
      await requestPasswordReset({ email: user.email }, testContext());
      const token = await resetTokenFromOutbox(user.email);
      const [signedIn] = await Promise.all([
        attempt(user.username, user.password),
        resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext()),
      ]);
      if (signedIn.ok) expect(await validateSessionToken(signedIn.sessionToken), `round ${round}`).toBeNull();
      expect(await db.session.count({ where: { userId: user.id } }), `round ${round}`).toBe(0);
    }
  });

  it("logs one refusal per locked account per minute, however many attempts a flood makes", async () => {
    const user = await createTestUser();
    const ctx = testContext();
    for (let i = 0; i < 5; i++) await attempt(user.username, WRONG, ctx);
    for (let i = 0; i < 20; i++) expect(await attempt(user.username, WRONG, ctx)).toMatchObject({ ok: false, reason: "throttled" });
    const refusals = await db.auditEvent.count({ where: { targetId: user.id, action: "auth.sign_in_failed", metadata: { contains: "account_locked" } } });
    expect(refusals).toBe(1);
  });
});
