import { describe, expect, it } from "vitest";
import { sessionStateAfterFirstFactor } from "@/lib/auth/sign-in-state";

const none = { totpEnabled: false, passkeyCount: 0, requiresTwoFactor: false };

describe("sessionStateAfterFirstFactor", () => {
  it("asks for the second factor a user has, TOTP or passkey", () => {
    expect(sessionStateAfterFirstFactor({ ...none, totpEnabled: true })).toBe("pending_second_factor");
    expect(sessionStateAfterFirstFactor({ ...none, passkeyCount: 1 })).toBe("pending_second_factor");
  });
  it("sends a user without one to enrolment when a role requires it", () => {
    expect(sessionStateAfterFirstFactor({ ...none, requiresTwoFactor: true })).toBe("pending_enrolment");
    expect(sessionStateAfterFirstFactor({ ...none, requiresTwoFactor: true, passkeyCount: 2 })).toBe(
      "pending_second_factor",
    );
  });
  it("lets a sign-in that proved several factors through, and a plain account in", () => {
    expect(
      sessionStateAfterFirstFactor({ ...none, totpEnabled: true, requiresTwoFactor: true }, { multiFactorDone: true }),
    ).toBe("active");
    expect(sessionStateAfterFirstFactor(none)).toBe("active");
  });
});
