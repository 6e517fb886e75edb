import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { openEmailBody } from "@/lib/email/seal-email-body";
import { sha256 } from "@/lib/auth/crypto";
import { validateSessionToken } from "@/lib/auth/sessions";
import { authenticateWithPassword } from "@/lib/data/auth/authenticate-with-password";
import { changePassword } from "@/lib/data/passwords/change-password";
import { requestPasswordReset } from "@/lib/data/passwords/request-password-reset";
import { resetPassword } from "@/lib/data/passwords/reset-password";
import { AppError, RateLimitedError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { LIMITS } from "@/lib/rate-limit/limits";
import { newUser, signIn } from "@/test/accounts";
import { signUpAccount } from "@/test/sign-up-account";
import { signUpInput, testContext, uniqueName } from "@/test/helpers";

const NEW_PASSWORD = "violet tractor umbrella 1987 !";
const WRONG_PASSWORD = "definitely not my password 77";



const resetEmails = (to: string) => db.emailOutbox.findMany({ where: { to, subject: { contains: "Reset your" } }, orderBy: { createdAt: "desc" } });

/** The reset email is sent in the background: wait for it, then read the raw token from its link. */
async function resetTokenFromOutbox(email: string): Promise<string> {
  const mail = await vi.waitFor(
    async () => {
      const [latest] = await resetEmails(email);
      if (!latest) throw new Error(`no reset email to ${email} yet`);
      return latest;
    },
    { timeout: 5000, interval: 50 },
  );
  const match = /\/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(openEmailBody(mail.text));
  if (!match) throw new Error(`no reset link in: ${openEmailBody(mail.text)}`);
  return decodeURIComponent(match[1]!);
}

async function requestResetToken(email: string): Promise<string> {
  await requestPasswordReset({ email }, testContext());
  return resetTokenFromOutbox(email);
}

const signInWith = (identifier: string, password: string) => authenticateWithPassword({ identifier, password, remember: false }, testContext());

const passwordHashOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash;

afterEach(() => {
  vi.useRealTimers();
});

describe("requestPasswordReset", () => {
  it("answers the same for unknown and known addresses, but issues a token and an email only for the known one", async () => {
    const user = await newUser();
    const unknown = `${uniqueName("nobody")}@example.com`;
    const tokensBefore = await db.oneTimeToken.count({ where: { purpose: "password_reset" } });

    await expect(requestPasswordReset({ email: unknown }, testContext())).resolves.toBeUndefined();
    await expect(requestPasswordReset({ email: user.email.toUpperCase() }, testContext())).resolves.toBeUndefined();

    const token = await resetTokenFromOutbox(user.email);
    const rows = await db.oneTimeToken.findMany({ where: { userId: user.id, purpose: "password_reset" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(sha256(token));
    expect(rows[0]!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    expect(rows[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(await db.oneTimeToken.count({ where: { purpose: "password_reset" } })).toBe(tokensBefore + 1);
    expect(await db.emailOutbox.count({ where: { to: unknown } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "auth.password_reset_requested", actorId: user.id } })).toBe(1);
  });
});

describe("resetPassword", () => {
  it("sets the new password, ends every session and tells the owner", async () => {
    const user = await newUser();
    const a = await signIn(user.id);
    const b = await signIn(user.id);
    const token = await requestResetToken(user.email);

    await resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext());

    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await validateSessionToken(a.token)).toBeNull();
    expect(await validateSessionToken(b.token)).toBeNull();
    expect(await signInWith(user.username, user.password)).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWith(user.username, NEW_PASSWORD)).toMatchObject({ ok: true, userId: user.id });
    const notice = await db.emailOutbox.findMany({ where: { to: user.email, subject: { contains: "Your password was changed" } } });
    expect(notice).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "auth.password_reset", actorId: user.id } })).toBe(1);
  });

  it("refuses the same token a second time", async () => {
    const user = await newUser();
    const token = await requestResetToken(user.email);
    await resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext());
    const hash = await passwordHashOf(user.id);
    const other = "another lovely passphrase 2024 ?";
    const error = await resetPassword({ token, password: other, confirmPassword: other }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid_token");
    expect(await passwordHashOf(user.id)).toBe(hash);
  });

  it("refuses a token older than 30 minutes (and accepts one just younger)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const fresh = await newUser();
    const stale = await newUser();
    const freshToken = await requestResetToken(fresh.email);
    const staleToken = await requestResetToken(stale.email);

    vi.setSystemTime(start + 29 * 60_000);
    await resetPassword({ token: freshToken, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext());

    vi.setSystemTime(start + 30 * 60_000 + 1000);
    const hash = await passwordHashOf(stale.id);
    const error = await resetPassword({ token: staleToken, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid_token");
    expect(await passwordHashOf(stale.id)).toBe(hash);
    vi.useRealTimers();
    expect(await signInWith(fresh.username, NEW_PASSWORD)).toMatchObject({ ok: true });
    expect(await signInWith(stale.username, stale.password)).toMatchObject({ ok: true });
  });

  it("refuses an email-verification token", async () => {
    const input = signUpInput();
    const user = await signUpAccount(input);
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: input.email, subject: { contains: "Confirm your email" } } });
    const verificationToken = decodeURIComponent(/\/verify-email\?token=([A-Za-z0-9_%-]+)/.exec(openEmailBody(mail.text))![1]!);
    const hash = await passwordHashOf(user.id);

    const error = await resetPassword({ token: verificationToken, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid_token");
    expect(await passwordHashOf(user.id)).toBe(hash);
    const row = await db.oneTimeToken.findUniqueOrThrow({ where: { tokenHash: sha256(verificationToken) } });
    expect(row.usedAt).toBeNull();
  });

  it.each([
    ["a common password", () => "password123"],
    // Strong for zxcvbn on its own (so the form schema lets it through); the server rejects it as personal data.
    ["the account's own email address", (u: { email: string }) => u.email],
  ])("gives a field error for %s and changes nothing", async (_label, weak) => {
    const user = await newUser();
    const session = await signIn(user.id);
    const token = await requestResetToken(user.email);
    const hash = await passwordHashOf(user.id);
    const password = weak(user);

    const error = await resetPassword({ token, password, confirmPassword: password }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.password?.length).toBeGreaterThan(0);
    expect(await passwordHashOf(user.id)).toBe(hash);
    expect(await validateSessionToken(session.token)).not.toBeNull();
    expect((await db.oneTimeToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } })).usedAt).toBeNull();
    // The link still works with a good password.
    await resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext());
    expect(await signInWith(user.username, NEW_PASSWORD)).toMatchObject({ ok: true });
  });
});

describe("changePassword", () => {
  it("needs the current password", async () => {
    const user = await newUser();
    const { viewer, token } = await signIn(user.id);
    const hash = await passwordHashOf(user.id);
    const error = await changePassword(viewer, { currentPassword: WRONG_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.currentPassword?.length).toBeGreaterThan(0);
    expect(await passwordHashOf(user.id)).toBe(hash);
    expect(await validateSessionToken(token)).not.toBeNull();
  });

  it("ends other sessions and continues this one under a new token", async () => {
    const user = await newUser();
    const current = await signIn(user.id);
    const other = await signIn(user.id);
    const result = await changePassword(current.viewer, { currentPassword: user.password, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext());

    expect(result.sessionsEnded).toBe(1);
    expect(result.token).not.toBe(current.token);
    const rotated = await validateSessionToken(result.token);
    expect(rotated?.state).toBe("active");
    expect(rotated?.user.id).toBe(user.id);
    expect(await validateSessionToken(current.token)).toBeNull();
    expect(await validateSessionToken(other.token)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);

    expect(await signInWith(user.username, user.password)).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWith(user.username, NEW_PASSWORD)).toMatchObject({ ok: true });
    expect(await db.emailOutbox.count({ where: { to: user.email, subject: { contains: "Your password was changed" } } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "auth.password_changed", actorId: user.id } })).toBe(1);
  });

  it("limits wrong current passwords on a counter of their own, which does not lock sign-in", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    const input = { currentPassword: WRONG_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    for (let i = 1; i <= 5; i++) {
      const error = await changePassword(viewer, input, testContext()).catch((e: unknown) => e);
      expect(error, `attempt ${i}`).toBeInstanceOf(ValidationError);
    }
    // The right current password is refused while the confirmation lock holds: a stolen session cannot guess on.
    await expect(changePassword(viewer, { ...input, currentPassword: user.password }, testContext())).rejects.toBeInstanceOf(RateLimitedError);
    expect(await db.auditEvent.count({ where: { action: "auth.password_changed", actorId: user.id } })).toBe(0);
    // Signing in is a different question, with counters of its own.
    expect(await signInWith(user.username, user.password)).toMatchObject({ ok: true });
  });

  it("password confirmation after a sign-in lockout still works for the owner", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    // Someone else locks the account's sign-in from their source and pushes it to the ceiling for untrusted sources.
    const attacker = testContext();
    for (let i = 0; i < 7; i++) await authenticateWithPassword({ identifier: user.username, password: WRONG_PASSWORD, remember: false }, attacker);
    for (let i = 0; i < LIMITS.signInAccountUntrusted.points; i++) await signInWith(user.username, WRONG_PASSWORD);
    expect(await authenticateWithPassword({ identifier: user.username, password: user.password, remember: false }, attacker)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await signInWith(user.username, user.password)).toMatchObject({ ok: false, reason: "throttled" });

    const result = await changePassword(viewer, { currentPassword: user.password, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext());
    expect(await validateSessionToken(result.token)).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.password_changed", actorId: user.id } })).toBe(1);
  });

  it("a reset clears the account's lockout state, so the owner can sign in with the new password at once", async () => {
    const user = await newUser();
    for (let i = 0; i < LIMITS.signInAccountUntrusted.points; i++) await signInWith(user.username, WRONG_PASSWORD);
    expect(await signInWith(user.username, user.password)).toMatchObject({ ok: false, reason: "throttled" });
    const token = await requestResetToken(user.email);
    await resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext());
    expect(await signInWith(user.username, NEW_PASSWORD)).toMatchObject({ ok: true });
  });

  it("a password change that overlaps a reset cannot undo it", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    const token = await requestResetToken(user.email);
    await resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, testContext());
    // The change was begun (its viewer built) before the reset ended every session.
    const other = "another lovely passphrase 2024 ?";
    await expect(changePassword(viewer, { currentPassword: NEW_PASSWORD, password: other, confirmPassword: other }, testContext())).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await signInWith(user.username, NEW_PASSWORD)).toMatchObject({ ok: true });
  });
});
