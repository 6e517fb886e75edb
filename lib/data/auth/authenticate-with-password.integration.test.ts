import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { validateSessionToken } from "@/lib/auth/sessions";
import { authenticateWithPassword, type AuthenticateResult } from "@/lib/data/auth/authenticate-with-password";
import { reset } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import { createTestUser } from "@/test/create-test-user";
import { testContext, uniqueName } from "@/test/helpers";
import { TEST_ADMIN } from "@/test/test-env";

const WRONG = "not the right password at all";

function attempt(identifier: string, password: string, ctx = testContext(), remember = false): Promise<AuthenticateResult> {
  return authenticateWithPassword({ identifier, password, remember }, ctx);
}

async function failedAudits(where: { targetId?: string; identifier?: string }) {
  const rows = await db.auditEvent.findMany({
    where: {
      action: "auth.sign_in_failed",
      ...(where.targetId ? { targetId: where.targetId } : {}),
      ...(where.identifier ? { metadata: { contains: `"identifier":"${where.identifier}"` } } : {}),
    },
    orderBy: { seq: "asc" },
  });
  return rows.map((r) => ({ ...r, meta: JSON.parse(r.metadata) as Record<string, unknown> }));
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
    expect(await attempt(user.username, WRONG)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(user.username, user.password.toUpperCase())).toEqual({ ok: false, reason: "invalid" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);
    const audits = await failedAudits({ targetId: user.id });
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ actorId: user.id, targetType: "user" });
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

  it("throttles an account after 5 failures, even with the right password, whatever the IP", async () => {
    const user = await createTestUser();
    for (let i = 1; i <= 4; i++) expect(await attempt(user.username, WRONG), `failure ${i}`).toEqual({ ok: false, reason: "invalid" });
    expect(await lockoutEmails(user.email)).toBe(0);
    expect(await attempt(user.username, WRONG)).toEqual({ ok: false, reason: "invalid" });

    const locked = await attempt(user.username, user.password, testContext());
    expect(locked.ok).toBe(false);
    expect(locked).toMatchObject({ reason: "throttled" });
    if (locked.ok || locked.reason !== "throttled") throw new Error("unreachable");
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(30);
    // By email too: the lock is on the account, not on what was typed.
    expect(await attempt(user.email.toUpperCase(), user.password, testContext())).toMatchObject({ ok: false, reason: "throttled" });
    expect((await failedAudits({ targetId: user.id })).at(-1)!.meta).toMatchObject({ reason: "account_locked" });
    expect(await db.auditEvent.count({ where: { action: "auth.account_locked", actorId: user.id } })).toBe(1);
  });

  it("emails the owner once, at the 5th failure", async () => {
    const user = await createTestUser({ firstName: "Lovelace" });
    const ctx = testContext();
    for (let i = 1; i <= 5; i++) await attempt(user.username, WRONG, ctx);
    expect(await lockoutEmails(user.email)).toBe(1);
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: user.email, subject: { contains: "paused" } } });
    expect(mail.text).toContain("Hi Lovelace,");
    expect(mail.text).toContain(ctx.ip!);
    expect(mail.text).not.toContain(WRONG);

    // Throttled attempts do not send more, nor do further failures once the lock has passed.
    await attempt(user.username, WRONG, ctx);
    await reset(LIMITS.signInAccountLock, `user:${user.id}`);
    expect(await attempt(user.username, WRONG, ctx)).toEqual({ ok: false, reason: "invalid" });
    expect((await failedAudits({ targetId: user.id })).at(-1)!.meta).toMatchObject({ failures: 6 });
    expect(await lockoutEmails(user.email)).toBe(1);
    expect(await db.emailOutbox.count({ where: { to: user.email } })).toBe(1);
  });

  it("throttles an unknown identifier after 5 failures, so lockouts reveal nothing", async () => {
    const identifier = uniqueName("ghost");
    for (let i = 1; i <= 5; i++) expect(await attempt(identifier, WRONG)).toEqual({ ok: false, reason: "invalid" });
    const result = await attempt(identifier.toUpperCase(), WRONG);
    expect(result).toMatchObject({ ok: false, reason: "throttled" });
    if (result.ok || result.reason !== "throttled") throw new Error("unreachable");
    expect(result.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("starts counting afresh after a successful sign-in", async () => {
    const user = await createTestUser();
    for (let i = 0; i < 4; i++) await attempt(user.username, WRONG);
    expect(await attempt(user.username, user.password)).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) expect(await attempt(user.username, WRONG)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(user.username, user.password)).toMatchObject({ ok: true });
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

  it("holds under a concurrent burst: 40 simultaneous wrong passwords check at most 6", async () => {
    const user = await createTestUser();
    const results = await Promise.all(Array.from({ length: 40 }, () => attempt(user.username, WRONG)));
    const checked = await db.auditEvent.count({ where: { targetId: user.id, action: "auth.sign_in_failed", metadata: { contains: "wrong_password" } } });
    expect(checked).toBeLessThanOrEqual(6);
    expect(results.filter((r) => !r.ok && r.reason === "throttled").length).toBeGreaterThanOrEqual(34);
    // Even the right password is refused while the lock holds.
    expect(await attempt(user.username, user.password)).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("does not keep a password that looks like nothing typed as an identifier in the audit", async () => {
    await attempt("Tr0ub4dor&3 my secret", WRONG);
    const rows = await db.auditEvent.findMany({ where: { action: "auth.sign_in_failed", metadata: { contains: "Tr0ub4dor" } } });
    expect(rows).toHaveLength(0);
  });

  it("logs one refusal per locked account per minute, however many attempts a flood makes", async () => {
    const user = await createTestUser();
    for (let i = 0; i < 5; i++) await attempt(user.username, WRONG);
    for (let i = 0; i < 20; i++) expect(await attempt(user.username, WRONG)).toMatchObject({ ok: false, reason: "throttled" });
    const refusals = await db.auditEvent.count({ where: { targetId: user.id, action: "auth.sign_in_failed", metadata: { contains: "account_locked" } } });
    expect(refusals).toBe(1);
  });
});
