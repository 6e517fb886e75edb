// Opening the app's own session for a user who proved themselves through an external provider
// (directly, or after proving the existing account at first sign-in): the same Session row and
// 2FA rules as a password sign-in (lib/auth/sign-in-state.ts), recorded as "provider:<id>".
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import type { ExternalIdentity } from "@/lib/auth/external/identity";
import { createSession, type SessionState } from "@/lib/auth/sessions";
import { sessionStateAfterFirstFactor } from "@/lib/auth/sign-in-state";
import type { RequestContext } from "@/lib/http/request-context";
import { providerSetting } from "@/lib/data/sign-in-methods/provider-setting";

export const subjectSelect = {
  id: true,
  status: true,
  kind: true,
  totpEnabledAt: true,
  roles: { select: { role: { select: { requiresTwoFactor: true } } } },
  _count: { select: { passkeys: true } },
} as const;

export type SignInSubject = {
  id: string;
  status: string;
  kind: string;
  totpEnabledAt: Date | null;
  roles: { role: { requiresTwoFactor: boolean } }[];
  _count: { passkeys: number };
};

export type OpenedSession = { userId: string; sessionToken: string; state: SessionState };

/** Why a user may not sign in through a provider, or null when they may. */
export function unavailableReason(user: { status: string; kind: string }): string | null {
  if (user.kind !== "person") return "service_account";
  if (user.status !== "active") return `account_${user.status}`;
  return null;
}

/**
 * Opens the session. The caller checked `unavailableReason` already; this checks again inside the
 * write (a ban committing meanwhile leaves no session: the conditional update matches nothing).
 * `mfaAsserted`: the provider's claims asserted MFA; it counts only if the admin trusts this provider.
 */
export async function openProviderSession(
  user: SignInSubject,
  identity: Pick<ExternalIdentity, "provider" | "providerAccountId" | "claims">,
  ctx: RequestContext,
  extra: Record<string, string | boolean> = {},
): Promise<OpenedSession | null> {
  const setting = await providerSetting(identity.provider);
  const trustedMfa = setting.trustProviderMfa && identity.claims.mfa;
  const state = sessionStateAfterFirstFactor(
    {
      totpEnabled: user.totpEnabledAt !== null,
      passkeyCount: user._count.passkeys,
      requiresTwoFactor: user.roles.some((r) => r.role.requiresTwoFactor),
    },
    { multiFactorDone: trustedMfa },
  );
  const method = `provider:${identity.provider}`;
  const now = new Date();
  // The account check, the session and its audit commit together: a ban committing meanwhile leaves
  // no session (the conditional update matches nothing), and no session exists unaudited.
  const session = await db.$transaction(async (tx) => {
    const still = await tx.user.updateMany({
      where: { id: user.id, status: "active", kind: "person" },
      data: { lastSignInAt: now },
    });
    if (still.count !== 1) return null;
    const opened = await createSession({
      userId: user.id,
      remember: false,
      state,
      signInMethod: method,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      tx,
    });
    await tx.account.updateMany({
      where: { provider: identity.provider, providerAccountId: identity.providerAccountId, userId: user.id },
      data: { lastUsedAt: now },
    });
    await audit(
      {
        // A second factor still to come is not a sign-in yet.
        action: state === "active" ? "auth.sign_in_succeeded" : "auth.first_factor_accepted",
        actorId: user.id,
        targetType: "session",
        targetId: opened.sessionId,
        metadata: { method, next: state, providerMfa: identity.claims.mfa, providerMfaTrusted: trustedMfa, ...extra },
        context: ctx,
      },
      tx,
    );
    return opened;
  });
  if (!session) return null;
  return { userId: user.id, sessionToken: session.token, state };
}
