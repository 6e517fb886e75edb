// External sign-in end to end below the browser: a real OpenID provider (test/oidc-provider.ts) on
// 127.0.0.1, Auth.js doing the protocol (start → provider login → callback), the app's rules
// deciding what the identity may do. Covers: first sign-in making an account, signing in a linked
// one, linking from Settings bound to the session, refusals (unverified or merely matching email,
// identity of another user, banned and service accounts, sign-up closed), proof of an existing
// account by password and by emailed link, 2FA rules and trusted provider MFA.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const OIDC_PORT = vi.hoisted(() => {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  process.env.OIDC_ISSUER = `http://127.0.0.1:${port}`;
  process.env.OIDC_CLIENT_ID = "opsdeck-test";
  process.env.OIDC_CLIENT_SECRET = "opsdeck-test-secret-0123456789abcdef";
  process.env.OIDC_NAME = "Test SSO";
  return port;
});

import { db } from "@/lib/db";
import { openEmailBody } from "@/lib/email/seal-email-body";
import { SESSION_COOKIE, sessionTokenFromCookie } from "@/lib/auth/cookie";
import { createSession, validateSessionToken } from "@/lib/auth/sessions";
import { writeSessionJwt } from "@/lib/auth/session-jwt";
import { PENDING_COOKIE } from "@/lib/auth/external/pending-cookie";
import type { ExternalIntent } from "@/lib/auth/external/intent";
import { startExternalSignIn } from "@/lib/auth/external/start-external-sign-in";
import { handleAuthRequest } from "@/lib/auth/external/handle-auth-request";
import { finishExternalSignUp } from "@/lib/data/sign-in-methods/finish-external-sign-up";
import {
  confirmExternalLinkEmail,
  proveExternalLinkWithPassword,
  sendExternalLinkEmail,
} from "@/lib/data/sign-in-methods/prove-external-link";
import { authenticateWithPassword } from "@/lib/data/auth/authenticate-with-password";
import { createTestUser } from "@/test/create-test-user";
import { testContext, uniqueName } from "@/test/helpers";
import {
  authorizeAs,
  CookieJar,
  startOidcProvider,
  type TestAccount,
  type TestOidcProvider,
} from "@/test/oidc-provider";

let idp: TestOidcProvider;

/** How a link to the test provider is stored: `<issuer>#<sub>` (providers.ts accountKey). */
const keyOf = (sub: string) => `http://127.0.0.1:${OIDC_PORT}#${sub}`;

beforeAll(async () => {
  idp = await startOidcProvider({ port: OIDC_PORT, redirectUris: ["http://localhost:3000/api/auth/callback/oidc"] });
});
afterAll(async () => {
  await idp?.close();
  // process.env outlives this file's module graph: later files must not see a provider.
  for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_NAME"]) delete process.env[key];
});

type Flow = { location: string; jar: CookieJar; status: number };

/** Clicks "Continue with …", signs in at the provider as `account`, and follows the callback. */
async function signInThroughProvider(
  account: TestAccount,
  intent: ExternalIntent = { kind: "sign_in", provider: "oidc", next: null },
  jar = new CookieJar(),
): Promise<Flow> {
  idp.setAccount(account);
  const ctx = testContext();
  const started = await startExternalSignIn(intent, jar.header());
  for (const c of started.cookies) jar.set(c.name, c.value);
  const callback = await authorizeAs(started.url, account.sub);
  expect(callback.startsWith("http://localhost:3000/api/auth/callback/oidc?")).toBe(true);
  const res = await handleAuthRequest(
    new Request(callback, { headers: { cookie: jar.header(), "x-forwarded-for": ctx.ip!, "user-agent": "vitest" } }),
  );
  jar.store(res);
  return { location: res.headers.get("location") ?? "", jar, status: res.status };
}

async function sessionOf(jar: CookieJar) {
  const token = await sessionTokenFromCookie(jar.get(SESSION_COOKIE));
  return token ? validateSessionToken(token) : null;
}

async function signedInJar(userId: string) {
  const session = await createSession({ userId, remember: false, ip: null, userAgent: null });
  const jar = new CookieJar();
  jar.set(SESSION_COOKIE, await writeSessionJwt(session.token, 3600, SESSION_COOKIE));
  return { jar, sessionId: session.sessionId };
}

const verifiedAccount = (overrides: Partial<TestAccount> = {}): TestAccount => {
  const name = uniqueName("idp");
  return {
    sub: `sub-${name}`,
    email: `${name}@idp.example`,
    email_verified: true,
    given_name: "Ada",
    family_name: "Lovelace",
    preferred_username: name,
    ...overrides,
  };
};

async function auditActions(userId: string) {
  const rows = await db.auditEvent.findMany({
    where: { OR: [{ actorId: userId }, { targetId: userId }] },
    select: { action: true },
  });
  return rows.map((r) => r.action);
}

describe("first sign-in through a provider", () => {
  it("offers a new account for a free address, asks the missing fields once, then signs in directly next time", async () => {
    const account = verifiedAccount();
    const first = await signInThroughProvider(account);
    expect(first.location).toBe("http://localhost:3000/sign-in/external/sign-up");
    const pendingToken = first.jar.get(PENDING_COOKIE);
    expect(pendingToken).toBeTruthy();
    expect(await sessionOf(first.jar)).toBeNull();

    const username = uniqueName("new");
    const opened = await finishExternalSignUp(
      pendingToken,
      { username, firstName: "Ada", lastName: "Lovelace", dateOfBirth: "1990-12-10" },
      testContext(),
    );
    expect(opened.state).toBe("active");
    const user = await db.user.findUniqueOrThrow({
      where: { id: opened.userId },
      select: {
        email: true,
        passwordHash: true,
        emailVerifiedAt: true,
        roles: { select: { role: { select: { key: true } } } },
      },
    });
    expect(user.email).toBe(account.email);
    expect(user.passwordHash).toBe("");
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.roles.map((r) => r.role.key)).toEqual(["user"]);
    const links = await db.account.findMany({ where: { userId: opened.userId } });
    expect(links).toMatchObject([{ provider: "oidc", providerAccountId: keyOf(account.sub), email: account.email }]);
    const session = await validateSessionToken(opened.sessionToken);
    expect(session?.user.id).toBe(opened.userId);
    expect(await db.session.findFirst({ where: { userId: opened.userId }, select: { signInMethod: true } })).toEqual({
      signInMethod: "provider:oidc",
    });
    expect(await auditActions(opened.userId)).toEqual(
      expect.arrayContaining(["user.signed_up", "auth.external_account_linked", "auth.sign_in_succeeded"]),
    );
    // Single use.
    await expect(
      finishExternalSignUp(
        pendingToken,
        { username: uniqueName("x"), firstName: "A", lastName: "B", dateOfBirth: "1990-01-01" },
        testContext(),
      ),
    ).rejects.toMatchObject({ code: "external_sign_in_expired" });

    const again = await signInThroughProvider(account, {
      kind: "sign_in",
      provider: "oidc",
      next: "/records/customers?q=1",
    });
    expect(again.location).toBe("http://localhost:3000/records/customers?q=1");
    const signedIn = await sessionOf(again.jar);
    expect(signedIn?.user.id).toBe(opened.userId);
    expect(signedIn?.state).toBe("active");
  });

  it("a link made under another issuer, or stored without one, does not match the same subject", async () => {
    const account = verifiedAccount();
    const user = await createTestUser();
    for (const key of [`https://old-idp.example/realms/x#${account.sub}`, account.sub]) {
      await db.account.create({ data: { userId: user.id, type: "oidc", provider: "oidc", providerAccountId: key } });
    }
    const flow = await signInThroughProvider(account);
    // Treated as an identity never seen: a new account is offered, nobody is signed in.
    expect(flow.location).toBe("http://localhost:3000/sign-in/external/sign-up");
    expect(await sessionOf(flow.jar)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("never leaves the origin, whatever next the intent carries", async () => {
    const account = verifiedAccount();
    const user = await createTestUser();
    await db.account.create({
      data: { userId: user.id, type: "oidc", provider: "oidc", providerAccountId: keyOf(account.sub) },
    });
    const flow = await signInThroughProvider(account, { kind: "sign_in", provider: "oidc", next: "//evil.example/x" });
    expect(flow.location).toBe("http://localhost:3000/dashboard");
  });

  it("refuses a new account when the admin turned sign-up off for the provider", async () => {
    await db.signInProviderSetting.upsert({
      where: { provider: "oidc" },
      create: { provider: "oidc", allowSignUp: false },
      update: { allowSignUp: false },
    });
    try {
      const flow = await signInThroughProvider(verifiedAccount());
      expect(flow.location).toBe("http://localhost:3000/sign-in/external/error?reason=sign_up_closed");
      expect(flow.jar.get(PENDING_COOKIE)).toBeUndefined();
    } finally {
      await db.signInProviderSetting.delete({ where: { provider: "oidc" } });
    }
  });

  it("never links by an unverified matching email: the person is told to sign in and link from settings", async () => {
    const owner = await createTestUser();
    const flow = await signInThroughProvider(verifiedAccount({ email: owner.email, email_verified: false }));
    expect(flow.location).toBe("http://localhost:3000/sign-in/external/error?reason=email_taken");
    expect(await db.account.count({ where: { userId: owner.id } })).toBe(0);
    expect(await sessionOf(flow.jar)).toBeNull();
    expect(await auditActions(owner.id)).toContain("auth.external_sign_in_refused");
  });

  it("a verified matching email links nothing by itself: it asks for proof, and a wrong password is refused", async () => {
    const owner = await createTestUser();
    const flow = await signInThroughProvider(verifiedAccount({ email: owner.email.toUpperCase() }));
    expect(flow.location).toBe("http://localhost:3000/sign-in/external/link");
    expect(await db.account.count({ where: { userId: owner.id } })).toBe(0);
    const pending = flow.jar.get(PENDING_COOKIE);
    await expect(
      proveExternalLinkWithPassword(pending, { password: "not the password" }, testContext()),
    ).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    expect(await db.account.count({ where: { userId: owner.id } })).toBe(0);

    const opened = await proveExternalLinkWithPassword(pending, { password: owner.password }, testContext());
    expect(opened.userId).toBe(owner.id);
    expect(await db.account.count({ where: { userId: owner.id, provider: "oidc" } })).toBe(1);
    await expect(
      proveExternalLinkWithPassword(pending, { password: owner.password }, testContext()),
    ).rejects.toMatchObject({
      code: "external_sign_in_expired",
    });
  });

  it("password proofs count under the account's sign-in lockout: guesses on the form and here add up", async () => {
    const owner = await createTestUser();
    const ctx = testContext();
    for (let i = 0; i < 4; i++) {
      expect(
        await authenticateWithPassword({ identifier: owner.email, password: "wrong", remember: false }, ctx),
      ).toMatchObject({ ok: false, reason: "invalid" });
    }
    const flow = await signInThroughProvider(verifiedAccount({ email: owner.email }));
    const pending = flow.jar.get(PENDING_COOKIE);
    // The fifth failure from this address locks it, as on the sign-in form, and tells the owner.
    await expect(proveExternalLinkWithPassword(pending, { password: "wrong" }, ctx)).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    await expect(proveExternalLinkWithPassword(pending, { password: owner.password }, ctx)).rejects.toMatchObject({
      code: "rate_limited",
      status: 429,
    });
    expect(
      await authenticateWithPassword({ identifier: owner.email, password: owner.password, remember: false }, ctx),
    ).toMatchObject({ ok: false, reason: "throttled" });
    expect(await db.account.count({ where: { userId: owner.id } })).toBe(0);
    // The lock's notice and audit row are written in the background.
    await expect.poll(() => auditActions(owner.id)).toContain("auth.account_locked");
    // Another address is a source of its own: the owner is not locked out.
    const opened = await proveExternalLinkWithPassword(pending, { password: owner.password }, testContext());
    expect(opened.userId).toBe(owner.id);
  });

  it("a second factor turned on after the proof was offered refuses both proofs, and links nothing", async () => {
    for (const turnOn of [
      (id: string) => db.user.update({ where: { id }, data: { totpEnabledAt: new Date(), totpSecretEnc: "x" } }),
      async (id: string) => {
        const role = await db.role.create({
          data: { key: uniqueName("r2fa"), name: uniqueName("Needs 2FA"), requiresTwoFactor: true },
        });
        await db.userRole.create({ data: { userId: id, roleId: role.id } });
      },
    ]) {
      const owner = await createTestUser();
      const flow = await signInThroughProvider(verifiedAccount({ email: owner.email }));
      expect(flow.location).toBe("http://localhost:3000/sign-in/external/link");
      const pending = flow.jar.get(PENDING_COOKIE)!;
      await sendExternalLinkEmail(pending, testContext());
      const mail = await db.emailOutbox.findFirst({ where: { to: owner.email }, orderBy: { createdAt: "desc" } });
      const token = /confirm\?token=([\w-]+)/.exec(openEmailBody(mail?.text ?? ""))?.[1];
      await turnOn(owner.id);
      await expect(
        proveExternalLinkWithPassword(pending, { password: owner.password }, testContext()),
      ).rejects.toMatchObject({ code: "external_sign_in_expired" });
      await expect(confirmExternalLinkEmail(pending, { token }, testContext())).rejects.toMatchObject({
        code: "external_sign_in_expired",
      });
      expect(await db.account.count({ where: { userId: owner.id } })).toBe(0);
      expect(await db.session.count({ where: { userId: owner.id } })).toBe(0);
    }
  });

  it("proof by email works only in the browser that asked, once", async () => {
    const owner = await createTestUser();
    const flow = await signInThroughProvider(verifiedAccount({ email: owner.email }));
    const pending = flow.jar.get(PENDING_COOKIE)!;
    await sendExternalLinkEmail(pending, testContext());
    const mail = await db.emailOutbox.findFirst({ where: { to: owner.email }, orderBy: { createdAt: "desc" } });
    const token = /confirm\?token=([\w-]+)/.exec(openEmailBody(mail?.text ?? ""))?.[1];
    expect(token).toBeTruthy();
    // The address's owner opening it elsewhere (no pending cookie, or another one) links nothing.
    await expect(confirmExternalLinkEmail(null, { token }, testContext())).rejects.toMatchObject({
      code: "external_link_not_here",
    });
    const other = await signInThroughProvider(verifiedAccount());
    await expect(
      confirmExternalLinkEmail(other.jar.get(PENDING_COOKIE), { token }, testContext()),
    ).rejects.toMatchObject({
      code: "external_link_not_here",
    });
    expect(await db.account.count({ where: { userId: owner.id } })).toBe(0);
    const opened = await confirmExternalLinkEmail(pending, { token }, testContext());
    expect(opened.userId).toBe(owner.id);
    expect(await auditActions(owner.id)).toEqual(
      expect.arrayContaining(["auth.external_link_proof_sent", "auth.external_account_linked"]),
    );
    await expect(confirmExternalLinkEmail(pending, { token }, testContext())).rejects.toMatchObject({
      code: "external_link_not_here",
    });
  });

  it("refuses a callback this browser did not start here", async () => {
    const account = verifiedAccount();
    idp.setAccount(account);
    const jar = new CookieJar();
    const started = await startExternalSignIn({ kind: "sign_in", provider: "oidc", next: null }, "");
    for (const c of started.cookies) if (!c.name.includes("external-intent")) jar.set(c.name, c.value);
    const callback = await authorizeAs(started.url, account.sub);
    const res = await handleAuthRequest(new Request(callback, { headers: { cookie: jar.header() } }));
    expect(res.headers.get("location")).toBe("http://localhost:3000/sign-in/external/error?reason=no_intent");
  });

  it("Auth.js state check: a callback without the state cookie goes to the error page with nothing written", async () => {
    const account = verifiedAccount();
    idp.setAccount(account);
    const started = await startExternalSignIn({ kind: "sign_in", provider: "oidc", next: null }, "");
    const callback = await authorizeAs(started.url, account.sub);
    const intent = started.cookies.find((c) => c.name.includes("external-intent"))!;
    const res = await handleAuthRequest(
      new Request(callback, { headers: { cookie: `${intent.name}=${intent.value}` } }),
    );
    expect(res.headers.get("location")).toMatch(/^http:\/\/localhost:3000\/sign-in\/external\/error\?error=/);
    expect(res.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
  });
});

describe("linked accounts signing in", () => {
  it("a banned user and a service account cannot sign in through a provider", async () => {
    for (const data of [{ status: "banned" }, { kind: "service" }]) {
      const account = verifiedAccount();
      const user = await createTestUser();
      await db.user.update({ where: { id: user.id }, data });
      await db.account.create({
        data: { userId: user.id, type: "oidc", provider: "oidc", providerAccountId: keyOf(account.sub) },
      });
      const flow = await signInThroughProvider(account);
      expect(flow.location).toBe("http://localhost:3000/sign-in/external/error?reason=account_unavailable");
      expect(await sessionOf(flow.jar)).toBeNull();
      expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    }
  });

  it("a role requiring 2FA still asks for it; TOTP asks for the code; trusted provider MFA counts only when the admin allows it", async () => {
    const account = verifiedAccount({ amr: ["pwd", "otp"] });
    const user = await createTestUser();
    const role = await db.role.create({
      data: { key: uniqueName("r2fa"), name: uniqueName("Needs 2FA"), requiresTwoFactor: true },
    });
    await db.userRole.create({ data: { userId: user.id, roleId: role.id } });
    await db.account.create({
      data: { userId: user.id, type: "oidc", provider: "oidc", providerAccountId: keyOf(account.sub) },
    });

    expect((await sessionOf((await signInThroughProvider(account)).jar))?.state).toBe("pending_enrolment");
    // Not a sign-in yet: the first factor is audited as such, with the session.
    expect(await auditActions(user.id)).toContain("auth.first_factor_accepted");
    expect(await auditActions(user.id)).not.toContain("auth.sign_in_succeeded");

    await db.signInProviderSetting.create({ data: { provider: "oidc", trustProviderMfa: true } });
    try {
      expect((await sessionOf((await signInThroughProvider(account)).jar))?.state).toBe("active");
      // Trusted, but this sign-in asserted a single factor.
      const single = { ...account, amr: ["pwd"] };
      expect((await sessionOf((await signInThroughProvider(single)).jar))?.state).toBe("pending_enrolment");
      await db.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date(), totpSecretEnc: "x" } });
      expect((await sessionOf((await signInThroughProvider(single)).jar))?.state).toBe("pending_second_factor");
    } finally {
      await db.signInProviderSetting.delete({ where: { provider: "oidc" } });
    }
  });
});

describe("linking from Settings", () => {
  it("links to the signed-in account whose session asked, and only that session", async () => {
    const user = await createTestUser();
    const { jar, sessionId } = await signedInJar(user.id);
    const account = verifiedAccount({ email: "someone-else@idp.example", email_verified: false });
    const flow = await signInThroughProvider(account, { kind: "link", provider: "oidc", sessionId }, jar);
    expect(flow.location).toBe("http://localhost:3000/settings/sign-in-methods?linked=oidc");
    expect(await db.account.findMany({ where: { userId: user.id }, select: { providerAccountId: true } })).toEqual([
      { providerAccountId: keyOf(account.sub) },
    ]);
    expect(await auditActions(user.id)).toContain("auth.external_account_linked");

    // The session in the intent must be the request's own.
    const other = await createTestUser();
    const { jar: otherJar } = await signedInJar(other.id);
    const forged = await signInThroughProvider(
      verifiedAccount(),
      { kind: "link", provider: "oidc", sessionId },
      otherJar,
    );
    expect(forged.location).toBe(
      "http://localhost:3000/sign-in/external/error?reason=link_session_ended&from=settings",
    );
    expect(await db.account.count({ where: { userId: other.id } })).toBe(0);
  });

  it("refuses an identity already linked to another user", async () => {
    const account = verifiedAccount();
    const owner = await createTestUser();
    await db.account.create({
      data: { userId: owner.id, type: "oidc", provider: "oidc", providerAccountId: keyOf(account.sub) },
    });
    const user = await createTestUser();
    const { jar, sessionId } = await signedInJar(user.id);
    const flow = await signInThroughProvider(account, { kind: "link", provider: "oidc", sessionId }, jar);
    expect(flow.location).toBe(
      "http://localhost:3000/sign-in/external/error?reason=identity_linked_elsewhere&from=settings",
    );
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
    // The signed-in session is untouched.
    expect((await sessionOf(flow.jar))?.user.id).toBe(user.id);
  });
});

describe("what a link must not outlive or bypass", () => {
  it("makes no account for an address the provider does not vouch for", async () => {
    const account = verifiedAccount({ email_verified: false });
    const flow = await signInThroughProvider(account);
    expect(flow.location).toBe("http://localhost:3000/sign-in/external/error?reason=email_unverified");
    expect(flow.jar.get(PENDING_COOKIE)).toBeUndefined();
    expect(await db.user.count({ where: { email: account.email } })).toBe(0);
  });

  it("offers no proof at first sign-in for an account with a second factor: it links only from its Settings", async () => {
    const owner = await createTestUser();
    await db.user.update({ where: { id: owner.id }, data: { totpEnabledAt: new Date(), totpSecretEnc: "x" } });
    const flow = await signInThroughProvider(verifiedAccount({ email: owner.email }));
    expect(flow.location).toBe("http://localhost:3000/sign-in/external/error?reason=email_taken_protected");
    expect(flow.jar.get(PENDING_COOKIE)).toBeUndefined();
    expect(await db.account.count({ where: { userId: owner.id } })).toBe(0);
  });

  it("links from Settings only to a verified address", async () => {
    const user = await createTestUser({ verified: false });
    const { jar, sessionId } = await signedInJar(user.id);
    const flow = await signInThroughProvider(verifiedAccount(), { kind: "link", provider: "oidc", sessionId }, jar);
    expect(flow.location).toBe(
      "http://localhost:3000/sign-in/external/error?reason=link_email_unverified&from=settings",
    );
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
  });

  it("emails the owner on a link, and a reset that verifies the address drops links made before it", async () => {
    const user = await createTestUser();
    const { jar, sessionId } = await signedInJar(user.id);
    await signInThroughProvider(verifiedAccount(), { kind: "link", provider: "oidc", sessionId }, jar);
    const notice = await db.emailOutbox.findFirst({ where: { to: user.email, subject: { contains: "linked" } } });
    expect(notice).not.toBeNull();

    // An account whose address was never verified (a stranger may have signed up with it) keeps no
    // link once its owner resets the password through that address.
    const stranger = await createTestUser({ verified: false });
    await db.account.create({
      data: { userId: stranger.id, type: "oidc", provider: "oidc", providerAccountId: keyOf(uniqueName("sub")) },
    });
    const { issueToken } = await import("@/lib/auth/one-time-tokens");
    const { resetPassword } = await import("@/lib/data/passwords/reset-password");
    const { token } = await issueToken({ userId: stranger.id, purpose: "password_reset" });
    await resetPassword(
      { token, password: "Correct-Horse-Battery-9", confirmPassword: "Correct-Horse-Battery-9" },
      testContext(),
    );
    expect(await db.account.count({ where: { userId: stranger.id } })).toBe(0);
  });
});

describe("the Auth.js route", () => {
  it("serves only the configured providers' callbacks", async () => {
    for (const path of [
      "session",
      "csrf",
      "providers",
      "signin",
      "signin/oidc",
      "signout",
      "callback/github",
      "callback/nope",
    ]) {
      const res = await handleAuthRequest(new Request(`http://localhost:3000/api/auth/${path}`));
      expect(res.status, path).toBe(404);
    }
  });
});
