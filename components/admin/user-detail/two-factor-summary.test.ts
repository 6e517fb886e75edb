import { describe, expect, it } from "vitest";
import { resetRemoves, twoFactorState } from "@/components/admin/user-detail/two-factor-summary";

const enabled = new Date("2026-03-04T05:06:00Z");

describe("twoFactorState", () => {
  it("reads on for a passkey-only account, with the count", () => {
    expect(twoFactorState({ twoFactorEnabledAt: null, passkeyCount: 2 })).toBe("On (passkeys: 2)");
  });
  it("names the authenticator app, and passkeys beside it", () => {
    expect(twoFactorState({ twoFactorEnabledAt: enabled, passkeyCount: 0 })).toMatch(
      /^On since .+ \(authenticator app\)$/,
    );
    expect(twoFactorState({ twoFactorEnabledAt: enabled, passkeyCount: 1 })).toMatch(
      /^On since .+ \(authenticator app; passkeys: 1\)$/,
    );
  });
  it("reads off with neither", () => {
    expect(twoFactorState({ twoFactorEnabledAt: null, passkeyCount: 0 })).toBe("Off");
  });
});

describe("resetRemoves", () => {
  it("says the passkeys are removed", () => {
    expect(resetRemoves({ twoFactorEnabledAt: null, passkeyCount: 1 })).toBe("1 passkey is removed");
    expect(resetRemoves({ twoFactorEnabledAt: enabled, passkeyCount: 3 })).toBe(
      "authenticator app and recovery codes stop working, their 3 passkeys are removed",
    );
  });
  it("says the app and codes stop working without passkeys", () => {
    expect(resetRemoves({ twoFactorEnabledAt: enabled, passkeyCount: 0 })).toBe(
      "authenticator app and recovery codes stop working",
    );
  });
});
