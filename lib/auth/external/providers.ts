// The external sign-in providers this deployment offers, decided by the environment alone
// (lib/env.ts): a generic OpenID Connect provider, GitHub and Google. None configured: no list, no
// buttons, and the Auth.js route answers 404.
import "server-only";
import type { Provider } from "@auth/core/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { env } from "@/lib/env";
import {
  configuredProvider,
  configuredProviders,
  type ExternalProviderId,
} from "@/lib/auth/external/configured-providers";

export {
  configuredProvider,
  configuredProviders,
  EXTERNAL_PROVIDER_IDS,
  isExternalProviderId,
  type ExternalProvider,
  type ExternalProviderId,
} from "@/lib/auth/external/configured-providers";

/**
 * The configured OIDC issuer as a key prefix, normalised as a URL (host lower-cased, punycode, no
 * default port) with trailing slashes dropped, so "https://SSO.example.com:443/realm/" and
 * "https://sso.example.com/realm" agree. lib/env.ts refuses an issuer with a query or fragment.
 */
function oidcIssuerKey(): string {
  if (!env.OIDC_ISSUER) return "";
  return new URL(env.OIDC_ISSUER).href.replace(/\/+$/, "");
}

/**
 * The key an identity is stored and matched under (Account.providerAccountId). A subject is unique
 * only within its issuer, so the generic OIDC provider's key is `<issuer>#<sub>` (an issuer URL has
 * no fragment, so the first "#" ends it): pointing OIDC_ISSUER at another provider cannot make its
 * users match the old provider's links by a coinciding `sub`. GitHub and Google have one issuer each.
 */
export function accountKey(provider: ExternalProviderId, subject: string): string {
  return provider === "oidc" ? `${oidcIssuerKey()}#${subject}` : subject;
}

/**
 * Whether a stored link can still sign in: its provider is configured and, for OIDC, it was made
 * with the issuer configured now (links from an earlier issuer, or from before issuers were part of
 * the key, match nobody). Unusable links are shown as such and do not count as a way to sign in.
 */
export function isUsableLink(link: { provider: string; providerAccountId: string }): boolean {
  if (!configuredProvider(link.provider)) return false;
  return link.provider !== "oidc" || link.providerAccountId.startsWith(`${oidcIssuerKey()}#`);
}

/**
 * Auth.js provider definitions of the configured providers. Auth.js runs the protocol: state,
 * PKCE and (OIDC) nonce cookies, the issuer and ID-token checks. What the identity may do here is
 * decided afterwards, by lib/data/sign-in-methods/complete-external-sign-in.ts.
 */
export function authJsProviders(): Provider[] {
  const out: Provider[] = [];
  for (const p of configuredProviders()) {
    if (p.id === "oidc") {
      out.push({
        id: "oidc",
        name: p.name,
        type: "oidc",
        issuer: env.OIDC_ISSUER,
        clientId: env.OIDC_CLIENT_ID,
        clientSecret: env.OIDC_CLIENT_SECRET,
        checks: ["pkce", "state", "nonce"],
        authorization: { params: { scope: "openid email profile" } },
      });
    } else if (p.id === "github") {
      out.push(
        GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET, checks: ["pkce", "state"] }),
      );
    } else {
      out.push(
        Google({
          clientId: env.AUTH_GOOGLE_ID,
          clientSecret: env.AUTH_GOOGLE_SECRET,
          checks: ["pkce", "state", "nonce"],
        }),
      );
    }
  }
  return out;
}
