// Which external sign-in providers the environment configures (lib/env.ts), and where their sign-in
// pages live: env only, no Auth.js, so proxy.ts can read it for the CSP (lib/http/csp.ts).
import { env } from "@/lib/env";

export type ExternalProviderId = "oidc" | "github" | "google";

export type ExternalProvider = {
  id: ExternalProviderId;
  /** Shown on buttons and in settings. */
  name: string;
};

export const EXTERNAL_PROVIDER_IDS: readonly ExternalProviderId[] = ["oidc", "github", "google"];

export function isExternalProviderId(value: unknown): value is ExternalProviderId {
  return typeof value === "string" && (EXTERNAL_PROVIDER_IDS as readonly string[]).includes(value);
}

/** The configured providers, in button order. */
export function configuredProviders(): ExternalProvider[] {
  const list: ExternalProvider[] = [];
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) list.push({ id: "oidc", name: env.OIDC_NAME });
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) list.push({ id: "github", name: "GitHub" });
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) list.push({ id: "google", name: "Google" });
  return list;
}

export function configuredProvider(id: unknown): ExternalProvider | null {
  return configuredProviders().find((p) => p.id === id) ?? null;
}

/**
 * Origins a "Continue with …" form may be redirected to (the CSP's form-action): the browser posts
 * the form here and the server answers with a redirect to the provider's authorization endpoint,
 * which a page without JavaScript follows as part of the form submission. For the generic provider
 * it is the issuer's origin (Keycloak, Entra ID, Okta and Authentik serve their authorization
 * endpoint there).
 */
export function providerFormOrigins(): string[] {
  return configuredProviders().map((p) =>
    p.id === "oidc"
      ? new URL(env.OIDC_ISSUER!).origin
      : p.id === "github"
        ? "https://github.com"
        : "https://accounts.google.com",
  );
}
