// The one client registered at the test OpenID provider (test/oidc-provider.ts), shared with the
// e2e configuration without loading the provider itself.
export const TEST_OIDC_CLIENT = { clientId: "opsdeck-test", clientSecret: "opsdeck-test-secret-0123456789abcdef" };
