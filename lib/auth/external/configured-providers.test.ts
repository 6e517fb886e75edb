import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.OIDC_ISSUER = "https://sso.example.com/realms/acme";
  process.env.OIDC_CLIENT_ID = "opsdeck";
  process.env.OIDC_CLIENT_SECRET = "opsdeck-test-secret";
  process.env.AUTH_GOOGLE_ID = "g";
  process.env.AUTH_GOOGLE_SECRET = "gs";
});

import { providerFormOrigins } from "@/lib/auth/external/configured-providers";

afterAll(() => {
  for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"])
    delete process.env[key];
});

describe("providerFormOrigins", () => {
  it("names the origin of each configured provider's sign-in page, in button order", () => {
    expect(providerFormOrigins()).toEqual(["https://sso.example.com", "https://accounts.google.com"]);
  });
});
