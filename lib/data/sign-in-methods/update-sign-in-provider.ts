// Changes one configured provider's settings: whether it may create new accounts, and whether its
// MFA assertion (amr/acr) counts as the second factor. Audited with the values before and after.
import "server-only";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { actorContext } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { configuredProvider } from "@/lib/auth/external/providers";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { signInProviderSettingSchema } from "@/lib/validations/sign-in-methods";
import { parseOrThrow } from "@/lib/validations/parse";
import { SIGN_IN_PROVIDERS_PERMISSION } from "@/lib/data/sign-in-methods/list-sign-in-providers";
import { providerSetting, type ProviderSetting } from "@/lib/data/sign-in-methods/provider-setting";

export async function updateSignInProvider(
  actor: Actor | null,
  input: unknown,
  ctx: RequestContext,
): Promise<ProviderSetting> {
  if (!actor) throw new UnauthenticatedError();
  requirePermission(actor, SIGN_IN_PROVIDERS_PERMISSION);
  // Trusting a provider's MFA relaxes 2FA for everyone who signs in through it: the admin's own act.
  assertNotImpersonating(actor);
  const data = parseOrThrow(signInProviderSettingSchema, input);
  if (!configuredProvider(data.provider)) throw new NotFoundError("This sign-in provider is not configured.");
  return db.$transaction(async (tx) => {
    const before = await providerSetting(data.provider, tx);
    const after = { allowSignUp: data.allowSignUp, trustProviderMfa: data.trustProviderMfa };
    await tx.signInProviderSetting.upsert({
      where: { provider: data.provider },
      create: { provider: data.provider, ...after, updatedById: actor.userId },
      update: { ...after, updatedById: actor.userId },
    });
    await audit(
      {
        action: "admin.sign_in_provider_updated",
        actorId: actor.userId,
        targetType: "sign_in_provider",
        targetId: data.provider,
        targetName: configuredProvider(data.provider)?.name ?? data.provider,
        metadata: {
          provider: data.provider,
          allowSignUpBefore: before.allowSignUp,
          allowSignUpAfter: after.allowSignUp,
          trustProviderMfaBefore: before.trustProviderMfa,
          trustProviderMfaAfter: after.trustProviderMfa,
        },
        context: { ...ctx, ...actorContext(actor) },
      },
      tx,
    );
    return after;
  });
}
