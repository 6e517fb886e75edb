// The e2e suite's test OpenID provider (test/oidc-provider-server.ts) and how the app is pointed at it.
import { TEST_OIDC_CLIENT } from "../test/oidc-client";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? E2E_PORT + 1000);
export const E2E_OIDC_ISSUER = `http://127.0.0.1:${E2E_OIDC_PORT}`;
export const E2E_OIDC_NAME = "Test SSO";

/** The environment the e2e app server gets for the generic OIDC provider. */
export const E2E_OIDC_ENV = {
  OIDC_ISSUER: E2E_OIDC_ISSUER,
  OIDC_CLIENT_ID: TEST_OIDC_CLIENT.clientId,
  OIDC_CLIENT_SECRET: TEST_OIDC_CLIENT.clientSecret,
  OIDC_NAME: E2E_OIDC_NAME,
};

/** Sets (or replaces) an account at the test provider: its claims are what the next sign-in as `sub` reports. */
export async function setOidcAccount(account: {
  sub: string;
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
  preferred_username?: string;
  amr?: string[];
}): Promise<void> {
  const res = await fetch(`${E2E_OIDC_ISSUER}/__test/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(account),
  });
  if (res.status !== 204) throw new Error(`test OIDC provider answered ${res.status}`);
}
