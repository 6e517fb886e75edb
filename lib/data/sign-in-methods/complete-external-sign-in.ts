// What an identity coming back from a provider may do here. Called from the Auth.js sign-in
// callback (lib/auth/external/auth-config.ts) once Auth.js has checked the protocol (state, PKCE,
// nonce, issuer, ID token). The rules, security first:
// - A linked identity signs its user in (banned, service and deleted accounts refused), in the
//   same kind of session as a password, with the same 2FA rules.
// - An identity is linked to an account only (a) when the flow was started from that account's
//   Settings while signed in, and the callback request still carries that very session, or (b) at
//   first sign-in, after the person proves the existing account (password or emailed link): this
//   only ever leaves a pending row here (purpose "link"), offered only when the provider says the
//   address is verified. An email that merely matches never links anything.
// - A new account is offered (pending "sign_up") only when the provider vouches for the address,
//   the address is free and the admin allows sign-up through this provider.
// - Proof at first sign-in is offered only for an account without a second factor; linking from
//   Settings needs a verified address (and, at the start, a recent sign-in).
import "server-only";
import { isUniqueViolation } from "@/lib/db-sql";
import { db, type Tx } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { accountStore } from "@/lib/auth/external/adapter";
import { configuredProvider } from "@/lib/auth/external/providers";
import { sendEmail } from "@/lib/email/send-email";
import { securityNoticeEmail } from "@/lib/email/messages";
import type { ExternalIdentity } from "@/lib/auth/external/identity";
import type { ExternalIntent } from "@/lib/auth/external/intent";
import type { RequestContext } from "@/lib/http/request-context";
import { hit, refund } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import { createPending, type PendingPurpose } from "@/lib/data/sign-in-methods/pending";
import { providerSetting } from "@/lib/data/sign-in-methods/provider-setting";
import {
  openProviderSession,
  subjectSelect,
  unavailableReason,
  type OpenedSession,
} from "@/lib/data/sign-in-methods/sign-in-subject";

/** Why an identity was turned away; each has its own message on /sign-in/external/error. */
export type ExternalRefusal =
  | "no_intent"
  | "throttled"
  | "account_unavailable"
  | "identity_linked_elsewhere"
  | "link_session_ended"
  | "email_taken"
  | "email_taken_protected"
  | "email_unverified"
  | "link_email_unverified"
  | "no_email"
  | "sign_up_closed";

export type ExternalSignInOutcome =
  | ({ kind: "session"; next: string | null } & OpenedSession)
  | { kind: "linked"; provider: string; already: boolean }
  | { kind: "pending"; purpose: PendingPurpose; token: string }
  | { kind: "refused"; reason: ExternalRefusal; linking: boolean; retryAfterSeconds?: number };

/** The session the callback request carries (lib/auth/sessions.ts validated it), or null. */
export type CurrentSession = { id: string; userId: string; state: string; impersonatorId: string | null } | null;

async function refuse(
  reason: ExternalRefusal,
  identity: ExternalIdentity,
  ctx: RequestContext,
  opts: { linking: boolean; userId?: string | null; detail?: string; retryAfterSeconds?: number },
): Promise<ExternalSignInOutcome> {
  await audit({
    action: "auth.external_sign_in_refused",
    actorId: opts.linking ? (opts.userId ?? null) : null,
    targetType: opts.userId ? "user" : null,
    targetId: opts.userId ?? null,
    metadata: {
      provider: identity.provider,
      reason: opts.detail ?? reason,
      linking: opts.linking,
      emailVerified: identity.emailVerified,
    },
    context: ctx,
  });
  return { kind: "refused", reason, linking: opts.linking, retryAfterSeconds: opts.retryAfterSeconds };
}

export async function completeExternalSignIn(
  identity: ExternalIdentity,
  intent: ExternalIntent | null,
  current: CurrentSession,
  ctx: RequestContext,
): Promise<ExternalSignInOutcome> {
  const linking = intent?.kind === "link";
  // A callback this browser did not start here (or started too long ago, or for another provider).
  if (!intent || intent.provider !== identity.provider) return refuse("no_intent", identity, ctx, { linking });

  const ipKey = ctx.ip ?? "unknown";
  const limit = await hit(LIMITS.signInIp, ipKey);
  if (!limit.allowed) {
    if ((await hit(LIMITS.refusalAudit, `ip:${ipKey}`)).allowed) {
      await refuse("throttled", identity, ctx, { linking, detail: "ip_throttled" });
    }
    return { kind: "refused", reason: "throttled", linking, retryAfterSeconds: limit.retryAfterSeconds };
  }

  const linked = await db.account.findUnique({
    where: {
      provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId },
    },
    select: { userId: true, user: { select: subjectSelect } },
  });

  if (intent.kind === "link") {
    // Bound to the session that asked, which must still be this request's own, fully signed in.
    const sessionOk =
      current !== null && current.id === intent.sessionId && current.state === "active" && !current.impersonatorId;
    if (!sessionOk) return refuse("link_session_ended", identity, ctx, { linking, userId: current?.userId });
    if (linked) {
      if (linked.userId === current.userId) {
        await refund(LIMITS.signInIp, ipKey);
        return { kind: "linked", provider: identity.provider, already: true };
      }
      return refuse("identity_linked_elsewhere", identity, ctx, { linking, userId: current.userId });
    }
    // An unverified address may not be its owner's: whoever signed up with it must not be able to
    // tie their own identity to it before the owner takes the account back (a reset verifies it).
    const linker = await db.user.findUnique({ where: { id: current.userId }, select: { emailVerifiedAt: true } });
    if (!linker?.emailVerifiedAt)
      return refuse("link_email_unverified", identity, ctx, { linking, userId: current.userId });
    const done = await linkIdentity(current.userId, identity, ctx, "settings");
    if (!done) return refuse("identity_linked_elsewhere", identity, ctx, { linking, userId: current.userId });
    await refund(LIMITS.signInIp, ipKey);
    return { kind: "linked", provider: identity.provider, already: false };
  }

  if (linked) {
    const unavailable = unavailableReason(linked.user);
    if (unavailable) {
      return refuse("account_unavailable", identity, ctx, { linking, userId: linked.userId, detail: unavailable });
    }
    const opened = await openProviderSession(linked.user, identity, ctx);
    if (!opened)
      return refuse("account_unavailable", identity, ctx, {
        linking,
        userId: linked.userId,
        detail: "account_changed_meanwhile",
      });
    await refund(LIMITS.signInIp, ipKey);
    return { kind: "session", next: intent.next, ...opened };
  }

  // Not linked to anyone: a first sign-in.
  if (!identity.email) return refuse("no_email", identity, ctx, { linking });
  const owner = await db.user.findUnique({ where: { email: identity.email }, select: subjectSelect });
  if (owner) {
    // Proof is offered only for a verified address of an account that could sign in anyway; in
    // every other case the person is told to sign in and link from Settings.
    if (!identity.emailVerified || unavailableReason(owner)) {
      return refuse("email_taken", identity, ctx, {
        linking,
        userId: owner.id,
        detail: identity.emailVerified ? "email_taken_account_unavailable" : "email_taken_unverified",
      });
    }
    // An account with a second factor (or whose role requires one) is linked only from its own
    // Settings: proving the password or the mailbox here would let a provider's sign-in stand in for
    // that factor.
    if (owner.totpEnabledAt || owner._count.passkeys > 0 || owner.roles.some((r) => r.role.requiresTwoFactor)) {
      return refuse("email_taken_protected", identity, ctx, {
        linking,
        userId: owner.id,
        detail: "email_taken_second_factor",
      });
    }
    const token = await createPending(db, "link", identity, owner.id);
    return { kind: "pending", purpose: "link", token };
  }
  // A new account only for an address the provider vouches for: one it does not (GitHub's, or an
  // unverified claim) could be someone else's, who would find the stranger's identity linked.
  if (!identity.emailVerified) return refuse("email_unverified", identity, ctx, { linking });
  const setting = await providerSetting(identity.provider);
  if (!setting.allowSignUp) return refuse("sign_up_closed", identity, ctx, { linking });
  const signUps = await hit(LIMITS.signUpIp, ipKey);
  if (!signUps.allowed) {
    return refuse("throttled", identity, ctx, {
      linking,
      detail: "sign_up_ip_throttled",
      retryAfterSeconds: signUps.retryAfterSeconds,
    });
  }
  const token = await createPending(db, "sign_up", identity, null);
  return { kind: "pending", purpose: "sign_up", token };
}

/** Links the identity to the user through the adapter and audits it, in the caller's transaction. */
export async function writeLink(
  tx: Tx,
  userId: string,
  identity: ExternalIdentity,
  ctx: RequestContext,
  via: "settings" | "password" | "email",
): Promise<void> {
  await accountStore(tx).link({
    userId,
    provider: identity.provider,
    providerAccountId: identity.providerAccountId,
    type: identity.provider === "github" ? "oauth" : "oidc",
    email: identity.email,
  });
  await audit(
    {
      action: "auth.external_account_linked",
      actorId: userId,
      targetType: "user",
      targetId: userId,
      metadata: {
        provider: identity.provider,
        via,
        email: identity.email ?? "",
        emailVerified: identity.emailVerified,
      },
      context: ctx,
    },
    tx,
  );
}

/** Tells the owner a provider identity was linked (after the link committed). */
export async function sendLinkNotice(userId: string, identity: ExternalIdentity): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, firstName: true } });
  if (!user) return;
  await sendEmail(
    user.email,
    securityNoticeEmail(
      user.firstName,
      "A sign-in provider was linked",
      `Your account can now be signed in to with ${configuredProvider(identity.provider)?.name ?? identity.provider}${identity.email ? ` (${identity.email})` : ""}. If this was not you, unlink it in Settings → Sign-in methods and change your password.`,
    ),
  );
}

/**
 * Links the identity to the user (writeLink, in a transaction of its own) and tells the owner.
 * False when the unique (provider, providerAccountId) says it was linked meanwhile.
 */
export async function linkIdentity(
  userId: string,
  identity: ExternalIdentity,
  ctx: RequestContext,
  via: "settings" | "password" | "email",
): Promise<boolean> {
  try {
    await db.$transaction((tx) => writeLink(tx, userId, identity, ctx, via));
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
  await sendLinkNotice(userId, identity);
  return true;
}
