import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.OIDC_ISSUER = "https://IDP.example:443/realms/shop/";
  process.env.OIDC_CLIENT_ID = "opsdeck-test";
  process.env.OIDC_CLIENT_SECRET = "opsdeck-test-secret-0123456789abcdef";
});

import { accountKey, isUsableLink } from "@/lib/auth/external/providers";

afterAll(() => {
  for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]) delete process.env[key];
});

describe("accountKey", () => {
  it("puts the OIDC issuer (without trailing slash) in front of the subject", () => {
    expect(accountKey("oidc", "1234")).toBe("https://idp.example/realms/shop#1234");
    // The issuer is normalised as a URL: host case and the default port do not change the key.
    expect(isUsableLink({ provider: "oidc", providerAccountId: "https://idp.example/realms/shop#1234" })).toBe(true);
    expect(accountKey("oidc", "a#b")).toBe("https://idp.example/realms/shop#a#b");
  });
  it("keeps GitHub and Google subjects as they are (one issuer each)", () => {
    expect(accountKey("github", "1234")).toBe("1234");
    expect(accountKey("google", "1234")).toBe("1234");
  });
});

describe("isUsableLink", () => {
  it("accepts a link under the configured issuer only", () => {
    expect(isUsableLink({ provider: "oidc", providerAccountId: "https://idp.example/realms/shop#1234" })).toBe(true);
    expect(isUsableLink({ provider: "oidc", providerAccountId: "https://idp.example/realms/shop2#1234" })).toBe(false);
    expect(isUsableLink({ provider: "oidc", providerAccountId: "https://idp.example/realms#shop#1" })).toBe(false);
    expect(isUsableLink({ provider: "oidc", providerAccountId: "1234" })).toBe(false);
  });
  it("refuses links to providers that are not configured", () => {
    expect(isUsableLink({ provider: "github", providerAccountId: "1234" })).toBe(false);
    expect(isUsableLink({ provider: "nope", providerAccountId: "1234" })).toBe(false);
  });
});
