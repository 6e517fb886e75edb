import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ageOn,
  dateOfBirthSchema,
  emailSchema,
  signInSchema,
  signUpSchema,
  tokenSchema,
  usernameSchema,
} from "@/lib/validations/auth";
import { GRACE_SIGN_UP } from "@/test/helpers";

const utc = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((i) => i.message) ?? [];
}

afterEach(() => {
  vi.useRealTimers();
});

describe("ageOn", () => {
  it("counts whole years, turning over on the birthday itself", () => {
    expect(ageOn(utc("2000-06-15"), utc("2013-06-14"))).toBe(12);
    expect(ageOn(utc("2000-06-15"), utc("2013-06-15"))).toBe(13);
    expect(ageOn(utc("2000-06-15"), utc("2013-06-16"))).toBe(13);
    expect(ageOn(utc("2000-06-15"), utc("2013-05-30"))).toBe(12);
    expect(ageOn(utc("2000-06-15"), utc("2013-07-01"))).toBe(13);
  });

  it("treats a 29 February birthday as reached on 1 March in a common year", () => {
    expect(ageOn(utc("2000-02-29"), utc("2013-02-28"))).toBe(12);
    expect(ageOn(utc("2000-02-29"), utc("2013-03-01"))).toBe(13);
  });
});

describe("dateOfBirthSchema", () => {
  it("turns a valid date into a UTC Date", () => {
    const result = dateOfBirthSchema.safeParse(" 1990-12-09 ");
    expect(result.success).toBe(true);
    expect(result.data?.toISOString()).toBe("1990-12-09T00:00:00.000Z");
  });

  it.each(["2001-02-30", "2023-02-29", "1999-13-01", "1999-00-10", "1999-04-31", "1999-01-00"])(
    "rejects the impossible date %s",
    (value) => {
      const result = dateOfBirthSchema.safeParse(value);
      expect(result.success).toBe(false);
      expect(messages(result)).toEqual(["This date does not exist."]);
    },
  );

  it("accepts 29 February in a leap year", () => {
    expect(dateOfBirthSchema.safeParse("2000-02-29").success).toBe(true);
  });

  it("asks for a missing date as such", () => {
    for (const value of ["", "   "])
      expect(messages(dateOfBirthSchema.safeParse(value))).toEqual(["Enter your date of birth."]);
  });

  it.each(["09/12/1990", "1990-1-9", "19901209", "1990-12-09T00:00"])("rejects the malformed value %j", (value) => {
    const result = dateOfBirthSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(messages(result)).toEqual(["Enter a date as YYYY-MM-DD."]);
  });

  it("rejects a non-string", () => {
    expect(dateOfBirthSchema.safeParse(19901209).success).toBe(false);
    expect(dateOfBirthSchema.safeParse(undefined).success).toBe(false);
  });

  it("rejects a future date and today", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-15T12:00:00Z"));
    expect(messages(dateOfBirthSchema.safeParse("2026-06-16"))).toEqual(["Date of birth must be in the past."]);
    expect(messages(dateOfBirthSchema.safeParse("2999-01-01"))).toEqual(["Date of birth must be in the past."]);
  });

  it("rejects a year before 1900", () => {
    expect(messages(dateOfBirthSchema.safeParse("1899-12-31"))).toEqual(["Enter a year from 1900 on."]);
    expect(messages(dateOfBirthSchema.safeParse("1000-06-01"))).toEqual(["Enter a year from 1900 on."]);
    // Date.UTC maps years 0–99 to 1900–1999; such a date must still be refused.
    expect(dateOfBirthSchema.safeParse("0001-01-01").success).toBe(false);
    expect(dateOfBirthSchema.safeParse("0095-01-01").success).toBe(false);
    expect(dateOfBirthSchema.safeParse("1900-01-01").success).toBe(true);
  });

  it("accepts someone on their 13th birthday and rejects them the day before", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-15T08:00:00Z"));
    expect(dateOfBirthSchema.safeParse("2013-06-15").success).toBe(true);
    expect(dateOfBirthSchema.safeParse("2013-06-14").success).toBe(true);
    const tooYoung = dateOfBirthSchema.safeParse("2013-06-16");
    expect(tooYoung.success).toBe(false);
    expect(messages(tooYoung)).toEqual(["You must be at least 13 years old."]);
    expect(messages(dateOfBirthSchema.safeParse("2020-01-01"))).toEqual(["You must be at least 13 years old."]);
  });
});

describe("usernameSchema", () => {
  it.each([
    ["Ada", "ada"],
    ["GRACE.Hopper", "grace.hopper"],
    ["  bob_99  ", "bob_99"],
    ["a-b", "a-b"],
    ["x".repeat(32), "x".repeat(32)],
  ])("accepts %j as %j", (input, expected) => {
    expect(usernameSchema.parse(input)).toBe(expected);
  });

  it.each([
    ["too short", "ab"],
    ["too long", "x".repeat(33)],
    ["10 kB long", "a".repeat(10_240)],
    ["starting with a dot", ".ada"],
    ["ending with a dash", "ada-"],
    ["ending with an underscore", "ada_"],
    ["containing a space", "ada lovelace"],
    ["containing @", "ada@home"],
    ["containing a slash", "ada/x"],
    ["non-ASCII", "adà"],
    ["a control character", "ad\u0000a"],
    ["empty", ""],
  ])("rejects a username %s", (_label, input) => {
    expect(usernameSchema.safeParse(input).success).toBe(false);
  });
});

describe("emailSchema", () => {
  it("trims and lower-cases", () => {
    expect(emailSchema.parse("  Grace.HOPPER@Example.COM ")).toBe("grace.hopper@example.com");
  });

  it.each(["not-an-email", "a@", "@b.com", "a b@c.com", "", `${"a".repeat(250)}@example.com`])(
    "rejects %j",
    (input) => {
      expect(emailSchema.safeParse(input).success).toBe(false);
    },
  );
});

describe("signUpSchema", () => {
  const valid = GRACE_SIGN_UP;

  it("accepts a valid sign-up and normalises username and email", () => {
    const data = signUpSchema.parse(valid);
    expect(data.username).toBe("graceh");
    expect(data.email).toBe("grace@example.com");
    expect(data.dateOfBirth).toBeInstanceOf(Date);
  });

  it("checks a new password's length in the browser and leaves its guessability to the server", () => {
    const short = signUpSchema.safeParse({ ...valid, password: "Zq9#vLm2!", confirmPassword: "Zq9#vLm2!" });
    expect(short.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["password", "Use at least 10 characters."],
    ]);
    // Guessable but long enough: the form lets it through, the server refuses it (sign-up-server.test.ts).
    expect(signUpSchema.safeParse({ ...valid, password: "password123", confirmPassword: "password123" }).success).toBe(
      true,
    );
  });

  it("reports mismatched passwords on confirmPassword", () => {
    const result = signUpSchema.safeParse({ ...valid, confirmPassword: "something else entirely 99" });
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(["confirmPassword"]);
  });

  it("rejects control characters in names", () => {
    const result = signUpSchema.safeParse({ ...valid, firstName: "Gr\u0007ace" });
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(["firstName"]);
  });
});

describe("signInSchema", () => {
  it("trims and lower-cases the identifier and defaults remember to false", () => {
    expect(signInSchema.parse({ identifier: "  Ada@Example.COM ", password: "pw" })).toEqual({
      identifier: "ada@example.com",
      password: "pw",
      remember: false,
    });
    expect(signInSchema.parse({ identifier: "ADA", password: "pw", remember: true }).remember).toBe(true);
  });

  it("keeps the password exactly as typed", () => {
    expect(signInSchema.parse({ identifier: "ada", password: "  Pass Word  " }).password).toBe("  Pass Word  ");
  });

  it.each([
    ["an empty identifier", { identifier: "   ", password: "pw" }, "identifier"],
    ["a missing identifier", { password: "pw" }, "identifier"],
    ["an empty password", { identifier: "ada", password: "" }, "password"],
    ["a missing password", { identifier: "ada" }, "password"],
    ["an overlong identifier", { identifier: "a".repeat(255), password: "pw" }, "identifier"],
    ["an overlong password", { identifier: "ada", password: "p".repeat(1001) }, "password"],
    ["a non-boolean remember", { identifier: "ada", password: "pw", remember: "yes" }, "remember"],
  ])("rejects %s", (_label, input, field) => {
    const result = signInSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(field);
  });
});

describe("tokenSchema", () => {
  it("accepts a base64url token and rejects anything else", () => {
    expect(tokenSchema.safeParse("A".repeat(43)).success).toBe(true);
    expect(tokenSchema.safeParse("short").success).toBe(false);
    expect(tokenSchema.safeParse(`${"A".repeat(42)}=`).success).toBe(false);
    expect(tokenSchema.safeParse(`${"A".repeat(40)}/../`).success).toBe(false);
    expect(tokenSchema.safeParse("A".repeat(129)).success).toBe(false);
  });
});
