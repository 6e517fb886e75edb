// Admin → Sign-in providers: each configured provider with its settings (who may change them:
// roles.manage, since trusting a provider's MFA relaxes what roles requiring 2FA ask for).
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { configuredProviders, type ExternalProvider } from "@/lib/auth/external/providers";
import { UnauthenticatedError } from "@/lib/errors";
import { requirePermission } from "@/lib/rbac/can";
import { DEFAULT_PROVIDER_SETTING, type ProviderSetting } from "@/lib/data/sign-in-methods/provider-setting";

export const SIGN_IN_PROVIDERS_PERMISSION = "roles.manage" as const;

export type SignInProviderRow = ExternalProvider &
  ProviderSetting & { linkedAccounts: number; updatedAt: Date | null; callbackPath: string };

export async function listSignInProviders(actor: Actor | null): Promise<SignInProviderRow[]> {
  if (!actor) throw new UnauthenticatedError();
  requirePermission(actor, SIGN_IN_PROVIDERS_PERMISSION);
  const providers = configuredProviders();
  const [settings, counts] = await Promise.all([
    db.signInProviderSetting.findMany({ where: { provider: { in: providers.map((p) => p.id) } } }),
    db.account.groupBy({ by: ["provider"], _count: { _all: true } }),
  ]);
  return providers.map((p) => {
    const row = settings.find((s) => s.provider === p.id);
    return {
      ...p,
      allowSignUp: row?.allowSignUp ?? DEFAULT_PROVIDER_SETTING.allowSignUp,
      trustProviderMfa: row?.trustProviderMfa ?? DEFAULT_PROVIDER_SETTING.trustProviderMfa,
      updatedAt: row?.updatedAt ?? null,
      linkedAccounts: counts.find((c) => c.provider === p.id)?._count._all ?? 0,
      callbackPath: `/api/auth/callback/${p.id}`,
    };
  });
}
