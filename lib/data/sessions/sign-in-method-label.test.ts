import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.OIDC_ISSUER = "https://sso.example.com/realms/acme";
  process.env.OIDC_CLIENT_ID = "opsdeck";
  process.env.OIDC_CLIENT_SECRET = "opsdeck-test-secret";
  process.env.OIDC_NAME = "Acme SSO";
});

import { signInMethodLabel } from "@/lib/data/sessions/find-live-sessions";

afterAll(() => {
  for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_NAME"]) delete process.env[key];
});

describe("signInMethodLabel", () => {
  it("names the provider as configured (OIDC_NAME), and the other methods plainly", () => {
    expect(signInMethodLabel("provider:oidc")).toBe("Acme SSO");
    expect(signInMethodLabel("provider:github")).toBe("GitHub");
    expect(signInMethodLabel("password")).toBe("Password");
    expect(signInMethodLabel("passkey:abc")).toBe("Passkey");
    expect(signInMethodLabel("something-else")).toBeNull();
  });
});
