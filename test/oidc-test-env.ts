// Import this first in a test file (before any app module reads lib/env.ts) to have a generic OIDC
// provider configured for that file; it is removed again after the file, since process.env outlives
// the file's module graph. The issuer is never called: for tests of links, not of the protocol
// (those start a real provider: test/oidc-provider.ts).
import { afterAll } from "vitest";

export const TEST_OIDC_ENV = {
  OIDC_ISSUER: "http://127.0.0.1:9/unused",
  OIDC_CLIENT_ID: "opsdeck-test",
  OIDC_CLIENT_SECRET: "opsdeck-test-secret-0123456789abcdef",
} as const;

Object.assign(process.env, TEST_OIDC_ENV);

afterAll(() => {
  for (const key of Object.keys(TEST_OIDC_ENV)) delete process.env[key];
});
