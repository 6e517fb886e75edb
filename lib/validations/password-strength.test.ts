import { describe, expect, it } from "vitest";
import { PASSWORD_MIN_LENGTH, PASSWORD_MIN_SCORE } from "@/lib/validations/password-rules";
import { passwordPolicyError, passwordStrength } from "@/lib/validations/password-strength";

describe("passwordPolicyError", () => {
  it("sets the minimum length at 10 characters", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(passwordPolicyError("Zq9#vLm2!")).toBe("Use at least 10 characters.");
    expect(passwordPolicyError("Zq9#vLm2!x")).toBeNull();
  });

  it("requires a zxcvbn score of at least 3", () => {
    expect(PASSWORD_MIN_SCORE).toBe(3);
    for (const weak of ["password123", "qwertyuiop", "aaaaaaaaaaaa", "1234567890"]) {
      expect(passwordStrength(weak).score, weak).toBeLessThan(3);
      expect(passwordPolicyError(weak), weak).toMatch(/too easy to guess/);
    }
    expect(passwordStrength("correct horse battery staple #42").score).toBeGreaterThanOrEqual(3);
    expect(passwordPolicyError("correct horse battery staple #42")).toBeNull();
  });

  it("accepts any printable characters, spaces and #! included", () => {
    for (const password of [
      "  spaced out #! passphrase ünïcode  ",
      "Tr0ub4dor&3 !#$%^&*()",
      "日本語のパスフレーズ です ね 2026",
    ]) {
      expect(passwordPolicyError(password), password).toBeNull();
    }
  });

  it.each([
    ["NUL", "\u0000"],
    ["a tab", "\t"],
    ["a newline", "\n"],
    ["escape", "\u001b"],
    ["DEL", "\u007f"],
  ])("rejects %s inside an otherwise strong password", (_label, char) => {
    expect(passwordPolicyError(`correct horse${char}battery staple #42`)).toBe("Use printable characters only.");
  });

  it("rejects passwords over 1000 characters", () => {
    expect(passwordPolicyError("x".repeat(1001))).toBe("Use at most 1000 characters.");
  });

  it("scores a password built on the username lower", () => {
    const password = "kwazimodoblerk42";
    const alone = passwordStrength(password).score;
    const withUsername = passwordStrength(password, ["kwazimodoblerk"]).score;
    expect(alone).toBeGreaterThanOrEqual(3);
    expect(withUsername).toBeLessThan(alone);
    expect(withUsername).toBeLessThan(3);
    expect(passwordPolicyError(password)).toBeNull();
    expect(passwordPolicyError(password, ["kwazimodoblerk", "", "someone@example.com"])).toMatch(/too easy to guess/);
  });
});
