import { describe, expect, it } from "vitest";
import { assertsMfa, identityFromProfile } from "@/lib/auth/external/identity";

describe("assertsMfa", () => {
  it("reads amr and acr", () => {
    expect(assertsMfa({ amr: ["mfa"] })).toBe(true);
    expect(assertsMfa({ amr: ["pwd", "otp"] })).toBe(true);
    expect(assertsMfa({ amr: ["pwd", "hwk"] })).toBe(true);
    expect(assertsMfa({ acr: "http://schemas.openid.net/pape/policies/2007/06/multi-factor" })).toBe(true);
    expect(assertsMfa({ amr: ["pwd"] })).toBe(false);
    expect(assertsMfa({ amr: ["otp"] })).toBe(false);
    expect(assertsMfa({ amr: "mfa" })).toBe(false);
    expect(assertsMfa({ acr: "1" })).toBe(false);
    expect(assertsMfa({})).toBe(false);
  });
});

describe("identityFromProfile", () => {
  it("lower-cases the email and counts it verified only when the provider says so", () => {
    const oidc = identityFromProfile("oidc", "s1", {
      email: "Ada@Example.COM",
      email_verified: true,
      name: "Ada King Lovelace",
    });
    expect(oidc).toMatchObject({
      email: "ada@example.com",
      emailVerified: true,
      claims: { givenName: "Ada", familyName: "King Lovelace" },
    });
    expect(identityFromProfile("oidc", "s1", { email: "a@b.c", email_verified: "true" }).emailVerified).toBe(false);
    expect(identityFromProfile("oidc", "s1", { email: "a@b.c" }).emailVerified).toBe(false);
  });

  it("never treats GitHub's email as verified nor its sign-in as MFA", () => {
    const gh = identityFromProfile("github", "42", {
      login: "octo",
      email: "o@x.y",
      email_verified: true,
      amr: ["mfa"],
    });
    expect(gh).toMatchObject({ emailVerified: false, claims: { username: "octo", mfa: false } });
  });
});
