// Passkeys end to end through the DAL, against a real database, with a software authenticator
// that makes real attestations and signatures (soft-authenticator-test-kit.ts): registration,
// password-less sign-in, the second factor, and the rules around them.
import { randomBytes } from "node:crypto";
import "@/test/oidc-test-env";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openEmailBody } from "@/lib/email/seal-email-body";
import { resetPassword } from "@/lib/data/passwords/reset-password";
import { accountKey } from "@/lib/auth/external/providers";
import { sha256 } from "@/lib/auth/crypto";
import { validateSessionToken } from "@/lib/auth/sessions";
import { viewerFromSession } from "@/lib/auth/viewer";
import { authenticateWithPassword } from "@/lib/data/auth/authenticate-with-password";
import { completeSecondFactorWithPasskey } from "@/lib/data/auth/complete-second-factor";
import { authenticateWithPasskey } from "@/lib/data/passkeys/authenticate-with-passkey";
import { beginPasskeyRegistration } from "@/lib/data/passkeys/begin-passkey-registration";
import { beginPasskeySecondFactor, secondFactorChoices } from "@/lib/data/passkeys/begin-passkey-second-factor";
import { beginPasskeySignIn } from "@/lib/data/passkeys/begin-passkey-sign-in";
import { finishPasskeyRegistration } from "@/lib/data/passkeys/finish-passkey-registration";
import { getSignInMethods } from "@/lib/data/passkeys/get-sign-in-methods";
import { listOwnPasskeys } from "@/lib/data/passkeys/list-own-passkeys";
import { removePasskey } from "@/lib/data/passkeys/remove-passkey";
import { renamePasskey } from "@/lib/data/passkeys/rename-passkey";
import { SoftAuthenticator } from "@/lib/data/passkeys/soft-authenticator-test-kit";
import { disableTotp } from "@/lib/data/two-factor/disable-totp";
import { getUserDetail } from "@/lib/data/users/get-user-detail";
import { resetUserTwoFactor } from "@/lib/data/users/reset-user-two-factor";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { newUser, signIn } from "@/test/accounts";
import { STRONG_PASSWORD, testContext } from "@/test/helpers";
import { userWithRole } from "@/test/user-admin";

type Viewer = Awaited<ReturnType<typeof signIn>>["viewer"];

async function register(viewer: Viewer, authenticator = new SoftAuthenticator(), name = "Laptop") {
  const options = await beginPasskeyRegistration(viewer, { currentPassword: STRONG_PASSWORD });
  const passkey = await finishPasskeyRegistration(
    viewer,
    { name, response: authenticator.register(options) },
    testContext(),
  );
  return { authenticator, passkey };
}

/** A verified user with one passkey, and the authenticator that holds it. */
async function userWithPasskey(options: { synced?: boolean } = {}) {
  const user = await newUser();
  const { viewer } = await signIn(user.id);
  const { authenticator, passkey } = await register(viewer, new SoftAuthenticator({ synced: options.synced }));
  return { user, viewer, authenticator, passkey };
}

async function passkeySignIn(
  authenticator: SoftAuthenticator,
  ceremony: Parameters<SoftAuthenticator["assert"]>[1] = {},
  ctx = testContext(),
) {
  const { options, nonce } = await beginPasskeySignIn(ctx);
  return authenticateWithPasskey({ response: authenticator.assert(options, ceremony) }, nonce, ctx);
}

const auditOf = (action: string, targetId: string) =>
  db.auditEvent.findMany({ where: { action, targetId }, orderBy: { seq: "asc" } });

async function requireTwoFactorRole(userId: string) {
  const key = `p2fa-${randomBytes(4).toString("hex")}`;
  const role = await db.role.create({ data: { key, name: `Ops ${key}`, requiresTwoFactor: true } });
  await db.userRole.create({ data: { userId, roleId: role.id } });
  return role;
}

describe("registering a passkey", () => {
  it("needs the password from a full session, then stores a verified credential and audits it", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    await expect(beginPasskeyRegistration(viewer, {})).rejects.toBeInstanceOf(ValidationError);
    await expect(
      beginPasskeyRegistration(viewer, { currentPassword: "not my password at all" }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db.webAuthnChallenge.count({ where: { userId: user.id } })).toBe(0);

    const authenticator = new SoftAuthenticator({ synced: true });
    const options = await beginPasskeyRegistration(viewer, { currentPassword: STRONG_PASSWORD });
    expect(options.rp.id).toBe("localhost");
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "required" });
    // Only the challenge's hash is kept, bound to this session.
    const challengeRow = await db.webAuthnChallenge.findFirstOrThrow({ where: { userId: user.id } });
    expect(challengeRow.challengeHash).toBe(sha256(options.challenge));
    expect(challengeRow).toMatchObject({ purpose: "registration", sessionId: viewer.sessionId });

    const created = await finishPasskeyRegistration(
      viewer,
      { name: "  Work laptop ", response: authenticator.register(options) },
      testContext(),
    );
    expect(created.name).toBe("Work laptop");
    const row = await db.passkey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      userId: user.id,
      credentialId: authenticator.id,
      deviceType: "multiDevice",
      backedUp: true,
      transports: '["internal"]',
    });
    expect(await db.webAuthnChallenge.count({ where: { userId: user.id } })).toBe(0);
    const [event] = await auditOf("auth.passkey_registered", user.id);
    expect(event?.actorId).toBe(user.id);

    const listed = await listOwnPasskeys(viewer);
    expect(listed).toEqual([
      expect.objectContaining({ id: created.id, name: "Work laptop", deviceType: "multiDevice", lastUsedAt: null }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(row.publicKey);
  });

  it("refuses an answer for another origin or RP id, without user verification, or to a spent challenge", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    const cases = [{ origin: "https://evil.example" }, { rpId: "evil.example" }, { userVerified: false }];
    for (const ceremony of cases) {
      const options = await beginPasskeyRegistration(viewer, { currentPassword: STRONG_PASSWORD });
      await expect(
        finishPasskeyRegistration(
          viewer,
          { name: "Bad", response: new SoftAuthenticator().register(options, ceremony) },
          testContext(),
        ),
      ).rejects.toBeInstanceOf(ValidationError);
    }
    const options = await beginPasskeyRegistration(viewer, { currentPassword: STRONG_PASSWORD });
    const response = new SoftAuthenticator().register(options);
    await finishPasskeyRegistration(viewer, { name: "Good", response }, testContext());
    await expect(finishPasskeyRegistration(viewer, { name: "Again", response }, testContext())).rejects.toThrow(
      /expired or was already used/,
    );
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(1);
  });

  it("keeps one live challenge per session: asking again replaces the earlier one", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    const first = await beginPasskeyRegistration(viewer, { currentPassword: STRONG_PASSWORD });
    const second = await beginPasskeyRegistration(viewer, { currentPassword: STRONG_PASSWORD });
    expect(await db.webAuthnChallenge.count({ where: { sessionId: viewer.sessionId } })).toBe(1);
    await expect(
      finishPasskeyRegistration(
        viewer,
        { name: "Old", response: new SoftAuthenticator().register(first) },
        testContext(),
      ),
    ).rejects.toThrow(/expired or was already used/);
    await finishPasskeyRegistration(
      viewer,
      { name: "New", response: new SoftAuthenticator().register(second) },
      testContext(),
    );
  });

  it("does not accept a challenge issued to another session of the same account", async () => {
    const user = await newUser();
    const first = await signIn(user.id);
    const second = await signIn(user.id);
    const options = await beginPasskeyRegistration(first.viewer, { currentPassword: STRONG_PASSWORD });
    await expect(
      finishPasskeyRegistration(
        second.viewer,
        { name: "Stolen", response: new SoftAuthenticator().register(options) },
        testContext(),
      ),
    ).rejects.toThrow(/expired or was already used/);
  });

  it("needs a verified address, and a recent sign-in when the account has no password", async () => {
    const unverified = await newUser({ verified: false });
    await expect(
      beginPasskeyRegistration((await signIn(unverified.id)).viewer, { currentPassword: STRONG_PASSWORD }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    const providerMade = await newUser();
    await db.user.update({ where: { id: providerMade.id }, data: { passwordHash: "" } });
    const fresh = await signIn(providerMade.id);
    await expect(beginPasskeyRegistration(fresh.viewer, {})).resolves.toHaveProperty("challenge");
    await db.session.update({
      where: { id: fresh.sessionId },
      data: { createdAt: new Date(Date.now() - 60 * 60_000) },
    });
    await expect(beginPasskeyRegistration(fresh.viewer, {})).rejects.toMatchObject({
      code: "recent_sign_in_required",
      status: 403,
    });
  });

  it("asks for a recent sign-in as well as the password when the account already has a second factor", async () => {
    const { user, viewer } = await userWithPasskey();
    await expect(beginPasskeyRegistration(viewer, { currentPassword: STRONG_PASSWORD })).resolves.toHaveProperty(
      "challenge",
    );
    await db.session.update({
      where: { id: viewer.sessionId },
      data: { createdAt: new Date(Date.now() - 60 * 60_000) },
    });
    await expect(beginPasskeyRegistration(viewer, { currentPassword: STRONG_PASSWORD })).rejects.toMatchObject({
      code: "recent_sign_in_required",
    });
    // Removing one needs it too: an old (perhaps stolen) session cannot strip a second factor.
    const [passkey] = await db.passkey.findMany({ where: { userId: user.id } });
    await expect(removePasskey(viewer, { passkeyId: passkey!.id }, testContext())).rejects.toMatchObject({
      code: "recent_sign_in_required",
    });
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("signing in with a passkey alone", () => {
  it("opens a complete session marked 'passkey', moves the counter and audits the use", async () => {
    const { user, authenticator, passkey } = await userWithPasskey();
    const result = await passkeySignIn(authenticator);
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect(result.state).toBe("active");
    const session = await validateSessionToken(result.sessionToken);
    expect(session?.user.id).toBe(user.id);
    const row = await db.session.findUniqueOrThrow({ where: { id: session!.id } });
    expect(row.signInMethod).toMatch(/^passkey:/);
    const stored = await db.passkey.findUniqueOrThrow({ where: { id: passkey.id } });
    expect(stored.counter).toBe(authenticator.counter);
    expect(stored.lastUsedAt).not.toBeNull();
    expect(await auditOf("auth.passkey_used", user.id)).toHaveLength(1);
    const [succeeded] = await db.auditEvent.findMany({
      where: { action: "auth.sign_in_succeeded", targetId: session!.id },
    });
    expect(JSON.parse(String(succeeded?.metadata))).toMatchObject({ method: "passkey" });
  });

  it("completes the sign-in of an account that also has TOTP (the passkey verified the user)", async () => {
    const { user, authenticator } = await userWithPasskey();
    await db.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
    const result = await passkeySignIn(authenticator);
    expect(result).toMatchObject({ ok: true, state: "active" });
  });

  it("refuses a replayed answer, an expired challenge, another browser's challenge, and a wrong origin or RP id", async () => {
    const { user, authenticator } = await userWithPasskey();
    const ctx = testContext();
    const { options, nonce } = await beginPasskeySignIn(ctx);
    const response = authenticator.assert(options);
    expect((await authenticateWithPasskey({ response }, nonce, ctx)).ok).toBe(true);
    expect(await authenticateWithPasskey({ response }, nonce, ctx)).toEqual({ ok: false, reason: "challenge_invalid" });

    const expired = await beginPasskeySignIn(ctx);
    await db.webAuthnChallenge.updateMany({
      where: { challengeHash: sha256(expired.options.challenge) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(
      await authenticateWithPasskey({ response: authenticator.assert(expired.options) }, expired.nonce, ctx),
    ).toEqual({ ok: false, reason: "challenge_invalid" });
    expect(await db.webAuthnChallenge.count({ where: { challengeHash: sha256(expired.options.challenge) } })).toBe(0);

    const elsewhere = await beginPasskeySignIn(ctx);
    expect(
      await authenticateWithPasskey(
        { response: authenticator.assert(elsewhere.options) },
        "another-browser-nonce",
        ctx,
      ),
    ).toEqual({ ok: false, reason: "challenge_invalid" });
    expect(await authenticateWithPasskey({ response: authenticator.assert(elsewhere.options) }, null, ctx)).toEqual({
      ok: false,
      reason: "challenge_invalid",
    });

    expect(await passkeySignIn(authenticator, { origin: "https://evil.example" })).toEqual({
      ok: false,
      reason: "verification_failed",
    });
    expect(await passkeySignIn(authenticator, { rpId: "evil.example" })).toEqual({
      ok: false,
      reason: "verification_failed",
    });
    expect(await passkeySignIn(authenticator, { userVerified: false })).toEqual({
      ok: false,
      reason: "verification_failed",
    });
    const failures = await auditOf("auth.passkey_sign_in_failed", user.id);
    expect(failures.map((f) => f.reason)).toEqual([
      "verification_failed",
      "verification_failed",
      "verification_failed",
    ]);
  });

  it("refuses a counter that did not grow (a cloned authenticator), and audits it", async () => {
    const { user, authenticator, passkey } = await userWithPasskey();
    authenticator.counter = 10;
    expect((await passkeySignIn(authenticator)).ok).toBe(true);
    expect((await db.passkey.findUniqueOrThrow({ where: { id: passkey.id } })).counter).toBe(11);
    expect(await passkeySignIn(authenticator, { counter: 11 })).toEqual({ ok: false, reason: "counter_regression" });
    expect(await passkeySignIn(authenticator, { counter: 5 })).toEqual({ ok: false, reason: "counter_regression" });
    expect((await db.passkey.findUniqueOrThrow({ where: { id: passkey.id } })).counter).toBe(11);
    expect((await auditOf("auth.passkey_sign_in_failed", user.id)).map((e) => e.reason)).toEqual([
      "counter_regression",
      "counter_regression",
    ]);
  });

  it("judges the counter only after the signature: a forged answer is a plain failure, not a clone alarm", async () => {
    const { user, authenticator, passkey } = await userWithPasskey();
    authenticator.counter = 10;
    expect((await passkeySignIn(authenticator)).ok).toBe(true);
    // Someone who knows the credential id (it is handed out with a password) signs with another key.
    const forger = new SoftAuthenticator({ counter: 1 });
    (forger as unknown as { credentialId: Buffer }).credentialId = authenticator.credentialId;
    expect(await passkeySignIn(forger)).toEqual({ ok: false, reason: "verification_failed" });
    expect((await auditOf("auth.passkey_sign_in_failed", user.id)).map((e) => e.reason)).toEqual([
      "verification_failed",
    ]);
    expect((await db.passkey.findUniqueOrThrow({ where: { id: passkey.id } })).counter).toBe(11);
  });

  it("accepts an authenticator that keeps no counter (always zero)", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    const { authenticator } = await register(viewer, new SoftAuthenticator({ counter: 0 }));
    expect((await passkeySignIn(authenticator)).ok).toBe(true);
    expect((await passkeySignIn(authenticator)).ok).toBe(true);
  });

  it("refuses a banned account, a service account and an unknown credential", async () => {
    const banned = await userWithPasskey();
    await db.user.update({ where: { id: banned.user.id }, data: { status: "banned", bannedAt: new Date() } });
    expect(await passkeySignIn(banned.authenticator)).toEqual({ ok: false, reason: "account_banned" });

    const service = await userWithPasskey();
    await db.user.update({ where: { id: service.user.id }, data: { kind: "service" } });
    expect(await passkeySignIn(service.authenticator)).toEqual({ ok: false, reason: "service_account" });

    expect(await passkeySignIn(new SoftAuthenticator())).toEqual({ ok: false, reason: "unknown_credential" });
    expect(
      await db.session.count({
        where: { userId: { in: [banned.user.id, service.user.id] }, signInMethod: { startsWith: "passkey" } },
      }),
    ).toBe(0);
  });

  it("is rate limited per IP like password sign-in", async () => {
    const ctx = testContext();
    for (let i = 0; i < 30; i++) await beginPasskeySignIn(ctx);
    await expect(beginPasskeySignIn(ctx)).rejects.toThrow(/Too many sign-in attempts/);
  });
});

describe("a passkey as the second factor", () => {
  it("is asked for after the password and completes the pending session", async () => {
    const { user, authenticator } = await userWithPasskey();
    const ctx = testContext();
    const first = await authenticateWithPassword(
      { identifier: user.username, password: STRONG_PASSWORD, remember: false },
      ctx,
    );
    if (!first.ok) throw new Error("password refused");
    expect(first.state).toBe("pending_second_factor");
    const pending = await viewerFromSession((await validateSessionToken(first.sessionToken))!);
    expect(await secondFactorChoices(pending)).toEqual({ totp: false, passkey: true, recoveryCodes: false });

    const options = await beginPasskeySecondFactor(pending);
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
    const rotated = await completeSecondFactorWithPasskey(pending, { response: authenticator.assert(options) }, ctx);
    const session = await validateSessionToken(rotated.token);
    expect(session?.state).toBe("active");
    expect(await validateSessionToken(first.sessionToken)).toBeNull();
    const events = await db.auditEvent.findMany({ where: { action: "auth.sign_in_succeeded", targetId: user.id } });
    expect(events.map((e) => JSON.parse(String(e.metadata)).method)).toContain("password+passkey");
  });

  it("refuses another person's passkey and a replayed answer", async () => {
    const { user } = await userWithPasskey();
    const other = await userWithPasskey();
    const ctx = testContext();
    const first = await authenticateWithPassword(
      { identifier: user.username, password: STRONG_PASSWORD, remember: false },
      ctx,
    );
    if (!first.ok) throw new Error("password refused");
    const pending = await viewerFromSession((await validateSessionToken(first.sessionToken))!);
    const options = await beginPasskeySecondFactor(pending);
    await expect(
      completeSecondFactorWithPasskey(pending, { response: other.authenticator.assert(options) }, ctx),
    ).rejects.toThrow(/not registered to this account/);
    // That challenge is spent; a new one answered by the other account's passkey still fails.
    const again = await beginPasskeySecondFactor(pending);
    const response = other.authenticator.assert(again);
    await expect(completeSecondFactorWithPasskey(pending, { response }, ctx)).rejects.toBeInstanceOf(ValidationError);
    await expect(completeSecondFactorWithPasskey(pending, { response }, ctx)).rejects.toThrow(
      /expired or was already used/,
    );
    expect((await db.session.findUniqueOrThrow({ where: { id: pending.sessionId } })).state).toBe(
      "pending_second_factor",
    );
  });

  it("counts for a role that requires 2FA: no hold-back for set-up, and TOTP may be turned off", async () => {
    const { user, viewer } = await userWithPasskey();
    const role = await requireTwoFactorRole(user.id);
    const session = await signIn(user.id);
    expect(session.viewer.sessionState).toBe("active");
    await db.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date(), totpSecretEnc: null } });
    // disableTotp would need a code; the refusal it gives for the role is what changed.
    await expect(
      disableTotp(viewer, { currentPassword: STRONG_PASSWORD, code: "000000" }, testContext()),
    ).rejects.not.toBeInstanceOf(ForbiddenError);
    await db.passkey.deleteMany({ where: { userId: user.id } });
    await expect(
      disableTotp(viewer, { currentPassword: STRONG_PASSWORD, code: "000000" }, testContext()),
    ).rejects.toThrow(new RegExp(role.name));
  });
});

describe("renaming and removing passkeys", () => {
  it("renames and removes one's own passkeys only, with audit events", async () => {
    const { user, viewer, authenticator, passkey } = await userWithPasskey();
    const other = await userWithPasskey();
    await expect(
      renamePasskey(viewer, { passkeyId: other.passkey.id, name: "Mine now" }, testContext()),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(removePasskey(viewer, { passkeyId: other.passkey.id }, testContext())).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await db.passkey.count({ where: { id: other.passkey.id, name: "Laptop" } })).toBe(1);

    await expect(renamePasskey(viewer, { passkeyId: passkey.id, name: "" }, testContext())).rejects.toBeInstanceOf(
      ValidationError,
    );
    await renamePasskey(viewer, { passkeyId: passkey.id, name: "Phone" }, testContext());
    expect((await db.passkey.findUniqueOrThrow({ where: { id: passkey.id } })).name).toBe("Phone");
    const [renamed] = await auditOf("auth.passkey_renamed", user.id);
    expect(JSON.parse(String(renamed?.metadata))).toMatchObject({ before: "Laptop", after: "Phone" });

    // A session the passkey opened ends with it; the one removing it stays.
    const opened = await passkeySignIn(authenticator);
    if (!opened.ok) throw new Error(`refused: ${opened.reason}`);
    await removePasskey(viewer, { passkeyId: passkey.id }, testContext());
    expect(await validateSessionToken(opened.sessionToken)).toBeNull();
    expect(await db.session.count({ where: { id: viewer.sessionId } })).toBe(1);
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(0);
    expect(await auditOf("auth.passkey_removed", user.id)).toHaveLength(1);
    expect(await passkeySignIn(authenticator)).toEqual({ ok: false, reason: "unknown_credential" });
  });

  it("never removes the last way into an account without a password", async () => {
    const { user, viewer, passkey } = await userWithPasskey();
    await db.user.update({ where: { id: user.id }, data: { passwordHash: "" } });
    expect((await getSignInMethods(viewer)).removalRefusal).toMatch(/only way to sign in/);
    await expect(removePasskey(viewer, { passkeyId: passkey.id }, testContext())).rejects.toThrow(
      /only way to sign in/,
    );
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(1);

    // A link that no longer signs in (a provider not configured) is not another way in …
    await db.account.create({
      data: { userId: user.id, type: "oauth", provider: "github", providerAccountId: randomBytes(4).toString("hex") },
    });
    await expect(removePasskey(viewer, { passkeyId: passkey.id }, testContext())).rejects.toThrow(
      /only way to sign in/,
    );
    // … a linked identity of the configured provider is.
    await db.account.create({
      data: {
        userId: user.id,
        type: "oidc",
        provider: "oidc",
        providerAccountId: accountKey("oidc", randomBytes(4).toString("hex")),
      },
    });
    await expect(removePasskey(viewer, { passkeyId: passkey.id }, testContext())).resolves.toBeUndefined();
  });

  it("keeps the last second factor of a user whose role requires 2FA", async () => {
    const { user, viewer, passkey } = await userWithPasskey();
    const role = await requireTwoFactorRole(user.id);
    const current = (await signIn(user.id)).viewer;
    await expect(removePasskey(current, { passkeyId: passkey.id }, testContext())).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(removePasskey(current, { passkeyId: passkey.id }, testContext())).rejects.toThrow(
      new RegExp(`${role.name} requires two-factor`),
    );
    const second = await register(current, new SoftAuthenticator(), "Backup key");
    await removePasskey(current, { passkeyId: passkey.id }, testContext());
    await expect(removePasskey(viewer, { passkeyId: second.passkey.id }, testContext())).rejects.toBeInstanceOf(
      ConflictError,
    );
  });
});

describe("an administrator's 2FA reset", () => {
  it("counts passkeys as 2FA and removes them with the TOTP key, audited", async () => {
    const admin = await userWithRole("admin");
    const { user, authenticator } = await userWithPasskey();
    const detail = await getUserDetail(admin.viewer, user.id);
    expect(detail).toMatchObject({ twoFactorEnabled: true, passkeyCount: 1 });
    await resetUserTwoFactor(admin.viewer, user.id, testContext());
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(0);
    const [event] = await auditOf("admin.two_factor_reset", user.id);
    expect(JSON.parse(String(event?.metadata))).toMatchObject({ passkeysRemoved: 1, totpRemoved: false });
    expect(await passkeySignIn(authenticator)).toEqual({ ok: false, reason: "unknown_credential" });
    await expect(resetUserTwoFactor(admin.viewer, user.id, testContext())).rejects.toBeInstanceOf(ConflictError);
    // The account still has its password: the notice carries no link.
    const notice = await db.emailOutbox.findFirst({ where: { to: user.email, subject: { contains: "reset" } } });
    expect(openEmailBody(notice?.text ?? "")).not.toMatch(/token=/);
  });

  it("mails a passkey-only account a link to choose a password, so it keeps a way in", async () => {
    const admin = await userWithRole("admin");
    const { user } = await userWithPasskey();
    await db.user.update({ where: { id: user.id }, data: { passwordHash: "" } });
    await resetUserTwoFactor(admin.viewer, user.id, testContext());
    const [event] = await auditOf("admin.two_factor_reset", user.id);
    expect(JSON.parse(String(event?.metadata))).toMatchObject({ passkeysRemoved: 1, passwordLinkSent: true });
    const mail = await db.emailOutbox.findFirst({
      where: { to: user.email, subject: { contains: "two-factor authentication was reset" } },
    });
    const token = /reset-password\?token=([\w-]+)/.exec(openEmailBody(mail?.text ?? ""))?.[1];
    expect(token).toBeTruthy();
    await resetPassword(
      { token, password: "violet tractor umbrella 1987 !", confirmPassword: "violet tractor umbrella 1987 !" },
      testContext(),
    );
    const signedIn = await authenticateWithPassword(
      { identifier: user.username, password: "violet tractor umbrella 1987 !", remember: false },
      testContext(),
    );
    expect(signedIn.ok).toBe(true);
  });
});
