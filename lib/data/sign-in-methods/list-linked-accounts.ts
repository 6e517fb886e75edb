// Settings → Sign-in methods: the provider identities linked to the viewer's account, the
// configured providers it could still link, and whether unlinking is possible at all (an account
// keeps at least one way to sign in: a password, a passkey or one linked identity).
import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { configuredProviders, isUsableLink, type ExternalProvider } from "@/lib/auth/external/providers";
import { hasPassword } from "@/lib/auth/password";
import { requireViewer } from "@/lib/auth/require-viewer";

export type LinkedAccount = {
  id: string;
  provider: string;
  providerName: string;
  email: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** False when it can no longer sign in (provider no longer configured, or another OIDC issuer). */
  usable: boolean;
};

export type LinkedAccounts = {
  accounts: LinkedAccount[];
  providers: ExternalProvider[];
  /** Other sign-in methods besides the linked identities: a password, passkeys. */
  hasPassword: boolean;
  passkeyCount: number;
};

export async function listLinkedAccounts(viewer: Viewer | null): Promise<LinkedAccounts> {
  requireViewer(viewer);
  const providers = configuredProviders();
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: {
      passwordHash: true,
      _count: { select: { passkeys: true } },
      accounts: {
        select: { id: true, provider: true, providerAccountId: true, email: true, createdAt: true, lastUsedAt: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  return {
    accounts: user.accounts.map(({ providerAccountId, ...a }) => ({
      ...a,
      providerName: providers.find((p) => p.id === a.provider)?.name ?? a.provider,
      usable: isUsableLink({ provider: a.provider, providerAccountId }),
    })),
    providers,
    hasPassword: hasPassword(user),
    passkeyCount: user._count.passkeys,
  };
}
