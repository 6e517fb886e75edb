import { describe, expect, it } from "vitest";
import { signUpSchema } from "@/lib/validations/auth";
import { acceptInvitationSchema, createInvitationSchema, invitationStatus } from "@/lib/validations/invitation";
import { staffRejectionSchema } from "@/lib/validations/staff";

const PASSWORD = "correct horse battery staple #42";

describe("createInvitationSchema", () => {
  it("lower-cases the address and needs a role", () => {
    expect(createInvitationSchema.parse({ email: " Ada@Example.COM ", roleId: "r1" })).toEqual({
      email: "ada@example.com",
      roleId: "r1",
    });
    const result = createInvitationSchema.safeParse({ email: "nope", roleId: " " });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(["email", "roleId"]);
  });
});

describe("acceptInvitationSchema", () => {
  const valid = {
    username: "AdaL",
    firstName: "Ada",
    lastName: "Lovelace",
    dateOfBirth: "1990-12-10",
    password: PASSWORD,
    confirmPassword: PASSWORD,
  };
  it("applies the sign-up rules to the same fields, without an email", () => {
    const data = acceptInvitationSchema.parse({ ...valid, email: "ignored@example.com" });
    expect(data.username).toBe("adal");
    expect(data).not.toHaveProperty("email");
    expect(data.dateOfBirth).toEqual(new Date(Date.UTC(1990, 11, 10)));
  });
  it("refuses a short password and a mismatched repetition", () => {
    const short = acceptInvitationSchema.safeParse({ ...valid, password: "Zq9#vLm2!", confirmPassword: "Zq9#vLm2!" });
    expect(short.error?.issues[0]?.path).toEqual(["password"]);
    const mismatch = acceptInvitationSchema.safeParse({ ...valid, confirmPassword: "something else 99!" });
    expect(mismatch.error?.issues[0]?.path).toEqual(["confirmPassword"]);
  });
});

describe("invitationStatus", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const base = { acceptedAt: null, revokedAt: null, expiresAt: new Date("2026-06-02T00:00:00Z") };
  it("says accepted, revoked, expired or pending, in that order of precedence", () => {
    expect(invitationStatus(base, now)).toBe("pending");
    expect(invitationStatus({ ...base, expiresAt: now }, now)).toBe("expired");
    expect(invitationStatus({ ...base, revokedAt: now, expiresAt: new Date(0) }, now)).toBe("revoked");
    expect(invitationStatus({ ...base, acceptedAt: now, revokedAt: now }, now)).toBe("accepted");
  });
});

describe("staff application fields", () => {
  it("sign-up's applyForStaff is optional, false by default, and a boolean", () => {
    const valid = {
      username: "grace",
      email: "grace@example.com",
      firstName: "Grace",
      lastName: "Hopper",
      dateOfBirth: "1990-12-09",
      password: PASSWORD,
      confirmPassword: PASSWORD,
    };
    expect(signUpSchema.parse(valid).applyForStaff).toBe(false);
    expect(signUpSchema.parse({ ...valid, applyForStaff: true }).applyForStaff).toBe(true);
    expect(signUpSchema.safeParse({ ...valid, applyForStaff: "on" }).success).toBe(false);
  });
  it("a rejection needs a trimmed reason of 3 to 500 printable characters", () => {
    expect(staffRejectionSchema.parse({ reason: "  Not now.  " })).toEqual({ reason: "Not now." });
    expect(staffRejectionSchema.parse({ reason: "Line one\nline two" }).reason).toContain("\n");
    for (const reason of ["", "  ", "no", "x".repeat(501), "bad\u0007bell"]) {
      expect(staffRejectionSchema.safeParse({ reason }).success, JSON.stringify(reason)).toBe(false);
    }
  });
});
