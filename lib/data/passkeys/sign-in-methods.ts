// What an account can sign in with and which second factors it holds: the counts behind "never
// remove the last sign-in method" and "a role requiring 2FA keeps a second factor". A password
// ("" means none: an account made through a provider), each passkey, and each linked provider
// account is a way in; TOTP and each passkey is a second factor.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { hasPassword } from "@/lib/auth/password";
import { isUsableLink } from "@/lib/auth/external/providers";

export type SignInMethodCounts = {
  password: boolean;
  passkeys: number;
  /** Linked provider identities that can still sign in (providers.ts isUsableLink). */
  linkedAccounts: number;
  totp: boolean;
  /** Name of a role of the user that requires two-factor authentication, if any. */
  requiredByRole: string | null;
};

export async function signInMethodCounts(userId: string, tx: Tx = db): Promise<SignInMethodCounts> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      passwordHash: true,
      totpEnabledAt: true,
      _count: { select: { passkeys: true } },
      accounts: { select: { provider: true, providerAccountId: true } },
      roles: { where: { role: { requiresTwoFactor: true } }, select: { role: { select: { name: true } } }, take: 1 },
    },
  });
  return {
    password: hasPassword(user),
    passkeys: user._count.passkeys,
    linkedAccounts: user.accounts.filter(isUsableLink).length,
    totp: user.totpEnabledAt !== null,
    requiredByRole: user.roles[0]?.role.name ?? null,
  };
}

/** Why removing one passkey is refused, or null when it may go. */
export function passkeyRemovalRefusal(counts: SignInMethodCounts): string | null {
  const waysIn = (counts.password ? 1 : 0) + counts.passkeys + counts.linkedAccounts;
  if (waysIn <= 1) {
    return "This passkey is the only way to sign in to your account. Set a password or link another sign-in method first.";
  }
  if (counts.requiredByRole && !counts.totp && counts.passkeys <= 1) {
    return `Your role ${counts.requiredByRole} requires two-factor authentication and this passkey is your only second factor. Add another passkey or set up an authenticator app first.`;
  }
  return null;
}
