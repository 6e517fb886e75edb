// Settings → Sign-in methods: whether the account has a password, its passkeys, and what removing
// one would be refused for (so the page can say so before anyone clicks).
import "server-only";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { listOwnPasskeys, type OwnPasskey } from "@/lib/data/passkeys/list-own-passkeys";
import { passkeyRemovalRefusal, signInMethodCounts } from "@/lib/data/passkeys/sign-in-methods";

export type SignInMethods = {
  hasPassword: boolean;
  totpEnabled: boolean;
  passkeys: OwnPasskey[];
  linkedAccounts: number;
  requiredByRole: string | null;
  /** Why removing a passkey is refused right now (the last way in, or the last second factor), or null. */
  removalRefusal: string | null;
  /** Adding a passkey asks for the password first (an account with one). */
  addNeedsPassword: boolean;
};

export async function getSignInMethods(viewer: Viewer | null): Promise<SignInMethods> {
  requireViewer(viewer);
  const [counts, passkeys] = await Promise.all([signInMethodCounts(viewer.userId), listOwnPasskeys(viewer)]);
  return {
    hasPassword: counts.password,
    totpEnabled: counts.totp,
    passkeys,
    linkedAccounts: counts.linkedAccounts,
    requiredByRole: counts.requiredByRole,
    removalRefusal: passkeyRemovalRefusal(counts),
    addNeedsPassword: counts.password,
  };
}
