import { describe, expect, it } from "vitest";
import { passkeyRemovalRefusal, type SignInMethodCounts } from "@/lib/data/passkeys/sign-in-methods";

const counts = (over: Partial<SignInMethodCounts>): SignInMethodCounts => ({
  password: true,
  passkeys: 1,
  linkedAccounts: 0,
  totp: false,
  requiredByRole: null,
  ...over,
});

describe("passkeyRemovalRefusal", () => {
  it("lets a passkey go while another way in remains", () => {
    expect(passkeyRemovalRefusal(counts({}))).toBeNull();
    expect(passkeyRemovalRefusal(counts({ password: false, passkeys: 2 }))).toBeNull();
    expect(passkeyRemovalRefusal(counts({ password: false, linkedAccounts: 1 }))).toBeNull();
  });

  it("never removes the last way into the account", () => {
    expect(passkeyRemovalRefusal(counts({ password: false }))).toMatch(/only way to sign in/);
  });

  it("keeps the last second factor of a role that requires 2FA", () => {
    expect(passkeyRemovalRefusal(counts({ requiredByRole: "Admin" }))).toMatch(/Admin requires two-factor/);
    expect(passkeyRemovalRefusal(counts({ requiredByRole: "Admin", totp: true }))).toBeNull();
    expect(passkeyRemovalRefusal(counts({ requiredByRole: "Admin", passkeys: 2 }))).toBeNull();
  });
});
