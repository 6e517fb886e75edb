// Settings → Sign-in methods (linked accounts, unlinking, never the last way to sign in) and
// Admin → Sign-in providers (roles.manage; audited).
import "@/test/oidc-test-env";
import { describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { listLinkedAccounts } from "@/lib/data/sign-in-methods/list-linked-accounts";
import { unlinkAccount } from "@/lib/data/sign-in-methods/unlink-account";
import { assertMayLink } from "@/lib/data/sign-in-methods/assert-may-link";
import { createSession, validateSessionToken } from "@/lib/auth/sessions";
import { listSignInProviders } from "@/lib/data/sign-in-methods/list-sign-in-providers";
import { updateSignInProvider } from "@/lib/data/sign-in-methods/update-sign-in-provider";
import { providerSetting } from "@/lib/data/sign-in-methods/provider-setting";
import { newUser, signIn } from "@/test/accounts";
import { testContext, uniqueName } from "@/test/helpers";
import { viewerWithPermissions, viewerWithRole } from "@/test/role-viewers";

/** A link under the configured issuer (`<issuer>#<sub>`, providers.ts accountKey), or under `key`. */
async function link(userId: string, provider = "oidc", key = `${process.env.OIDC_ISSUER}#${uniqueName("sub")}`) {
  return db.account.create({
    data: { userId, type: "oidc", provider, providerAccountId: key, email: "x@idp.example" },
  });
}

describe("starting a link from Settings", () => {
  it("needs a verified address and a recent sign-in", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    await expect(assertMayLink(viewer)).resolves.toBe(viewer);
    await expect(assertMayLink({ ...viewer, emailVerified: false })).rejects.toMatchObject({
      code: "email_unverified",
      status: 403,
    });
    await db.session.update({
      where: { id: viewer.sessionId },
      data: { createdAt: new Date(Date.now() - 16 * 60_000) },
    });
    await expect(assertMayLink(viewer)).rejects.toMatchObject({ code: "recent_sign_in_required", status: 403 });
    await expect(assertMayLink({ ...viewer, impersonatorId: "someone" })).rejects.toMatchObject({ status: 403 });
  });
});

describe("unlinking", () => {
  it("ends the sessions signed in through that provider (not this one) and emails the owner", async () => {
    const user = await newUser();
    const account = await link(user.id);
    const { viewer } = await signIn(user.id);
    const through = await createSession({
      userId: user.id,
      remember: false,
      ip: null,
      userAgent: null,
      signInMethod: "provider:oidc",
    });
    await unlinkAccount(viewer, { id: account.id }, testContext());
    expect(await validateSessionToken(through.token)).toBeNull();
    expect(await db.session.count({ where: { id: viewer.sessionId } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { to: user.email, subject: { contains: "unlinked" } } })).toBe(1);
  });

  it("refuses the last way to sign in, allows it once another exists", async () => {
    const user = await newUser();
    await db.user.update({ where: { id: user.id }, data: { passwordHash: "" } });
    const only = await link(user.id);
    const { viewer } = await signIn(user.id);
    await expect(unlinkAccount(viewer, { id: only.id }, testContext())).rejects.toMatchObject({
      code: "last_sign_in_method",
      status: 409,
    });
    expect(await db.account.count({ where: { userId: user.id } })).toBe(1);

    const second = await link(user.id);
    expect((await listLinkedAccounts(viewer)).accounts.map((a) => a.id)).toEqual([only.id, second.id]);
    await expect(unlinkAccount(viewer, { id: only.id }, testContext())).resolves.toEqual({ provider: "oidc" });
    await expect(unlinkAccount(viewer, { id: second.id }, testContext())).rejects.toMatchObject({
      code: "last_sign_in_method",
    });
    const audits = await db.auditEvent.findMany({
      where: { actorId: user.id, action: "auth.external_account_unlinked" },
    });
    expect(audits).toHaveLength(1);
  });

  it("links that no longer sign in (another issuer, the key without issuer, a provider not configured) do not count and may go", async () => {
    const user = await newUser();
    await db.user.update({ where: { id: user.id }, data: { passwordHash: "" } });
    const live = await link(user.id);
    const otherIssuer = await link(user.id, "oidc", `https://old-idp.example/realms/x#${uniqueName("sub")}`);
    const bareSub = await link(user.id, "oidc", uniqueName("sub"));
    const github = await link(user.id, "github", uniqueName("gh"));
    const { viewer } = await signIn(user.id);
    expect((await listLinkedAccounts(viewer)).accounts.map((a) => [a.id, a.usable])).toEqual([
      [live.id, true],
      [otherIssuer.id, false],
      [bareSub.id, false],
      [github.id, false],
    ]);
    // Three dead links do not make the live one removable.
    await expect(unlinkAccount(viewer, { id: live.id }, testContext())).rejects.toMatchObject({
      code: "last_sign_in_method",
    });
    // A session the live link opened survives the dead links' removal, which tells nobody.
    const throughLive = await createSession({
      userId: user.id,
      remember: false,
      ip: null,
      userAgent: null,
      signInMethod: "provider:oidc",
    });
    for (const dead of [otherIssuer, bareSub, github]) {
      await expect(unlinkAccount(viewer, { id: dead.id }, testContext())).resolves.toMatchObject({});
    }
    expect((await listLinkedAccounts(viewer)).accounts.map((a) => a.id)).toEqual([live.id]);
    expect(await validateSessionToken(throughLive.token)).not.toBeNull();
    expect(await db.emailOutbox.count({ where: { to: user.email, subject: { contains: "unlinked" } } })).toBe(0);
  });

  it("a password counts as another way; another user's link is not found", async () => {
    const user = await newUser();
    const own = await link(user.id);
    const other = await newUser();
    const theirs = await link(other.id);
    const { viewer } = await signIn(user.id);
    await expect(unlinkAccount(viewer, { id: theirs.id }, testContext())).rejects.toMatchObject({ status: 404 });
    await expect(unlinkAccount(viewer, { id: own.id }, testContext())).resolves.toEqual({ provider: "oidc" });
    expect(await db.account.count({ where: { id: theirs.id } })).toBe(1);
  });

  it("is refused while impersonating and without a full session", async () => {
    const user = await newUser();
    const own = await link(user.id);
    const { viewer } = await signIn(user.id);
    await expect(
      unlinkAccount({ ...viewer, impersonatorId: "admin" }, { id: own.id }, testContext()),
    ).rejects.toMatchObject({
      code: "impersonation_restricted",
    });
    const pending = await signIn(user.id, "pending_second_factor");
    await expect(unlinkAccount(pending.viewer, { id: own.id }, testContext())).rejects.toMatchObject({ status: 401 });
  });
});

describe("provider settings", () => {
  it("need roles.manage, are audited, and reject unconfigured providers", async () => {
    const admin = await viewerWithRole("super_admin");
    const rows = await listSignInProviders(admin);
    expect(rows.map((r) => r.id)).toEqual(["oidc"]);
    expect(rows[0]).toMatchObject({
      allowSignUp: true,
      trustProviderMfa: false,
      callbackPath: "/api/auth/callback/oidc",
    });

    const usersAdmin = await viewerWithPermissions(["users.manage", "users.read"]);
    await expect(listSignInProviders(usersAdmin)).rejects.toMatchObject({ status: 403 });
    await expect(
      updateSignInProvider(usersAdmin, { provider: "oidc", allowSignUp: false, trustProviderMfa: true }, testContext()),
    ).rejects.toMatchObject({ status: 403 });

    await updateSignInProvider(admin, { provider: "oidc", allowSignUp: false, trustProviderMfa: true }, testContext());
    expect(await providerSetting("oidc")).toEqual({ allowSignUp: false, trustProviderMfa: true });
    const audit = await db.auditEvent.findFirst({
      where: { action: "admin.sign_in_provider_updated", actorId: admin.userId },
      select: { metadata: true },
    });
    expect(JSON.stringify(audit?.metadata)).toContain("trustProviderMfaAfter");
    await expect(
      updateSignInProvider(admin, { provider: "github", allowSignUp: false, trustProviderMfa: false }, testContext()),
    ).rejects.toMatchObject({ status: 404 });
    await db.signInProviderSetting.delete({ where: { provider: "oidc" } });
  });
});
