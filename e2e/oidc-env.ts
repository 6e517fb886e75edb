// The e2e suite's test OpenID provider (test/oidc-provider-server.ts) and how the app is pointed at it.
import { TEST_OIDC_CLIENT } from "@/test/oidc-provider";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_OIDC_PORT = E2E_PORT + 1000;
export const E2E_OIDC_ISSUER = `http://127.0.0.1:${E2E_OIDC_PORT}`;
export const E2E_OIDC_NAME = "Test SSO";

/** The environment the e2e app server gets for the generic OIDC provider. */
export const E2E_OIDC_ENV = {
  OIDC_ISSUER: E2E_OIDC_ISSUER,
  OIDC_CLIENT_ID: TEST_OIDC_CLIENT.clientId,
  OIDC_CLIENT_SECRET: TEST_OIDC_CLIENT.clientSecret,
  OIDC_NAME: E2E_OIDC_NAME,
};
