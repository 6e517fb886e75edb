// What the pages finishing an external sign-in show: the provider, the address it gave, the
// suggested profile fields (sign-up) or whether the account to prove has a password (link).
// Nothing else of the pending row or of the account leaves.
import "server-only";
import { db } from "@/lib/db";
import { configuredProvider } from "@/lib/auth/external/providers";
import { hasPassword } from "@/lib/auth/password";
import { findPending, type PendingPurpose } from "@/lib/data/sign-in-methods/pending";

export type PendingExternalView = {
  purpose: PendingPurpose;
  providerName: string;
  email: string | null;
  suggested: { username: string; firstName: string; lastName: string };
  /** Link: the account has a password to prove it with. */
  accountHasPassword: boolean;
  emailProofSent: boolean;
  expiresAt: Date;
};

export async function getPendingExternalSignIn(
  token: string | null | undefined,
  purpose: PendingPurpose,
): Promise<PendingExternalView | null> {
  const pending = await findPending(token, purpose);
  if (!pending) return null;
  const { identity } = pending;
  const user = pending.userId
    ? await db.user.findUnique({ where: { id: pending.userId }, select: { passwordHash: true } })
    : null;
  if (purpose === "link" && !user) return null;
  const username = (identity.claims.username ?? identity.email?.split("@")[0] ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, "")
    .slice(0, 32);
  return {
    purpose,
    providerName: configuredProvider(identity.provider)?.name ?? identity.provider,
    email: identity.email,
    suggested: { username, firstName: identity.claims.givenName ?? "", lastName: identity.claims.familyName ?? "" },
    accountHasPassword: user ? hasPassword(user) : false,
    emailProofSent: pending.emailProofSent,
    expiresAt: pending.expiresAt,
  };
}
