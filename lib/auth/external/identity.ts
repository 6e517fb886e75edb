// What an external provider told us about a person, reduced to the fields this app uses. Only the
// provider's stable subject (provider + providerAccountId) identifies anyone; the email is a hint
// for sign-up and for offering proof of an existing account, never a key to match by.
import type { ExternalProviderId } from "@/lib/auth/external/providers";

export type ExternalIdentity = {
  provider: ExternalProviderId;
  providerAccountId: string;
  /** Lower-cased, or null when the provider gave none. */
  email: string | null;
  /** The provider says it verified the address (OIDC `email_verified: true`). */
  emailVerified: boolean;
  claims: ExternalClaims;
};

export type ExternalClaims = {
  givenName?: string;
  familyName?: string;
  /** A username suggestion (preferred_username, GitHub login). */
  username?: string;
  /** The provider asserted a multi-factor sign-in (amr/acr; see assertsMfa). */
  mfa: boolean;
};

/** RFC 8176 amr values that are a second factor when combined with another method. */
const SECOND_FACTOR_AMR = new Set(["otp", "hwk", "sms", "sc", "fpt", "face", "iris", "retina", "vbm", "tel"]);
/** acr values that name a multi-factor level (OpenID PAPE, Entra ID, common Keycloak/Okta choices). */
const MFA_ACR = new Set([
  "http://schemas.openid.net/pape/policies/2007/06/multi-factor",
  "http://schemas.openid.net/pape/policies/2007/06/multi-factor-physical",
  "phr",
  "phrh",
  "mfa",
  "urn:okta:loa:2fa:any",
]);

/**
 * Whether the claims assert MFA: amr contains "mfa", or at least two methods one of which is a
 * second factor; or acr names a multi-factor level. Counts only where an admin trusts the provider.
 */
export function assertsMfa(profile: Record<string, unknown>): boolean {
  const amr = Array.isArray(profile.amr) ? profile.amr.filter((v): v is string => typeof v === "string") : [];
  if (amr.includes("mfa")) return true;
  if (amr.length >= 2 && amr.some((m) => SECOND_FACTOR_AMR.has(m))) return true;
  return typeof profile.acr === "string" && MFA_ACR.has(profile.acr);
}

const str = (v: unknown, max = 100): string | undefined =>
  typeof v === "string" && v.trim() !== "" ? v.trim().slice(0, max) : undefined;

/**
 * The identity behind an Auth.js sign-in callback's `account` and `profile`. GitHub reports no
 * verification of the address it returns, so its email never counts as verified here.
 */
export function identityFromProfile(
  provider: ExternalProviderId,
  providerAccountId: string,
  profile: Record<string, unknown>,
  fallbackEmail?: string | null,
): ExternalIdentity {
  const email = str(profile.email, 254) ?? str(fallbackEmail ?? undefined, 254);
  const emailVerified = provider !== "github" && profile.email_verified === true && email !== undefined;
  const fullName = str(profile.name);
  const [first, ...rest] = fullName?.split(/\s+/) ?? [];
  return {
    provider,
    providerAccountId,
    email: email ? email.toLowerCase() : null,
    emailVerified,
    claims: {
      givenName: str(profile.given_name) ?? first,
      familyName: str(profile.family_name) ?? (rest.length ? rest.join(" ") : undefined),
      username: str(profile.preferred_username, 32) ?? (provider === "github" ? str(profile.login, 32) : undefined),
      mfa: provider === "github" ? false : assertsMfa(profile),
    },
  };
}
