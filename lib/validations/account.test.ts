import { describe, expect, it } from "vitest";
import { changePasswordSchema, resetPasswordSchema } from "@/lib/validations/account";

// The form schemas check a new password's length and characters; its guessability needs zxcvbn and
// the person's details, so the DAL applies it (lib/data/passwords/*.integration.test.ts).
const token = "a".repeat(43);

describe("resetPasswordSchema", () => {
  it("checks length, characters and the confirmation", () => {
    const issues = (password: string, confirmPassword = password) =>
      resetPasswordSchema
        .safeParse({ token, password, confirmPassword })
        .error?.issues.map((i) => [i.path[0], i.message]);
    expect(issues("Zq9#vLm2!")).toEqual([["password", "Use at least 10 characters."]]);
    expect(issues("correct horse\tbattery staple")).toEqual([["password", "Use printable characters only."]]);
    expect(issues("correct horse battery staple", "something else")).toEqual([
      ["confirmPassword", "The passwords do not match."],
    ]);
  });

  it("leaves a guessable password to the server", () => {
    expect(
      resetPasswordSchema.safeParse({ token, password: "password123", confirmPassword: "password123" }).success,
    ).toBe(true);
  });
});

describe("changePasswordSchema", () => {
  it("refuses the current password as the new one", () => {
    const result = changePasswordSchema.safeParse({
      currentPassword: "correct horse battery staple",
      password: "correct horse battery staple",
      confirmPassword: "correct horse battery staple",
    });
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(["password"]);
  });
});
