import { describe, expect, it } from "vitest";
import { signUpServerSchema } from "@/lib/validations/sign-up-server";
import { GRACE_SIGN_UP } from "@/test/helpers";

const valid = GRACE_SIGN_UP;

describe("signUpServerSchema", () => {
  it("accepts a valid sign-up and normalises it like the form schema", () => {
    const data = signUpServerSchema.parse(valid);
    expect(data.username).toBe("graceh");
    expect(data.email).toBe("grace@example.com");
  });

  it("refuses a guessable password", () => {
    const result = signUpServerSchema.safeParse({ ...valid, password: "password123", confirmPassword: "password123" });
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(["password"]);
    expect(result.error?.issues[0]?.message).toMatch(/too easy to guess/);
  });

  it("reports the password when it is built from the person's own details", () => {
    const result = signUpServerSchema.safeParse({
      ...valid,
      username: "kwazimodoblerk",
      password: "kwazimodoblerk42",
      confirmPassword: "kwazimodoblerk42",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(["password"]);
  });

  it("reports a too-short password once, with the length rule", () => {
    const result = signUpServerSchema.safeParse({ ...valid, password: "Zq9#vLm2!", confirmPassword: "Zq9#vLm2!" });
    expect(result.error?.issues.map((i) => i.message)).toEqual(["Use at least 10 characters."]);
  });

  it("reports a guessable password and a mismatched confirmation together", () => {
    const result = signUpServerSchema.safeParse({ ...valid, password: "password123", confirmPassword: "password1234" });
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(["confirmPassword", "password"]);
  });
});
