import { describe, expect, it } from "vitest";
import { LOCKOUT_MAX_SECONDS, LOCKOUT_THRESHOLD, lockoutSeconds } from "@/lib/auth/account-lockout";

describe("lockoutSeconds", () => {
  it("does not lock below 5 consecutive failures", () => {
    expect(LOCKOUT_THRESHOLD).toBe(5);
    for (const n of [0, 1, 2, 3, 4]) expect(lockoutSeconds(n), String(n)).toBe(0);
  });

  it("locks for 30 s at the 5th failure and doubles with each further one", () => {
    expect(lockoutSeconds(5)).toBe(30);
    expect(lockoutSeconds(6)).toBe(60);
    expect(lockoutSeconds(7)).toBe(120);
    expect(lockoutSeconds(8)).toBe(240);
    expect(lockoutSeconds(9)).toBe(480);
  });

  it("caps the lock at 15 minutes", () => {
    expect(LOCKOUT_MAX_SECONDS).toBe(900);
    expect(lockoutSeconds(10)).toBe(900);
    expect(lockoutSeconds(11)).toBe(900);
    expect(lockoutSeconds(100)).toBe(900);
    expect(lockoutSeconds(10_000)).toBe(900);
  });

  it("never decreases as failures go on", () => {
    let previous = 0;
    for (let n = 0; n <= 50; n++) {
      const s = lockoutSeconds(n);
      expect(s).toBeGreaterThanOrEqual(previous);
      previous = s;
    }
  });
});
