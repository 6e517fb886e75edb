// The admin's settings of one external provider (Admin → Sign-in providers); a provider without a
// row has the schema's defaults: sign-up allowed, its MFA claim not trusted.
import "server-only";
import { db, type Tx } from "@/lib/db";

export type ProviderSetting = { allowSignUp: boolean; trustProviderMfa: boolean };

export const DEFAULT_PROVIDER_SETTING: ProviderSetting = { allowSignUp: true, trustProviderMfa: false };

export async function providerSetting(provider: string, client: Tx | typeof db = db): Promise<ProviderSetting> {
  const row = await client.signInProviderSetting.findUnique({
    where: { provider },
    select: { allowSignUp: true, trustProviderMfa: true },
  });
  return row ?? DEFAULT_PROVIDER_SETTING;
}
