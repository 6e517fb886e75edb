import { describe, expect, it } from "vitest";
import { BUILT_IN_ROLES, DEFAULT_SIGN_UP_ROLE, SUPER_ADMIN_ROLE } from "@/lib/rbac/built-in-roles";
import { ALL_PERMISSIONS, isPermission } from "@/lib/rbac/permissions";

const role = (key: string) => {
  const r = BUILT_IN_ROLES.find((x) => x.key === key);
  if (!r) throw new Error(`no built-in role ${key}`);
  return r;
};

describe("built-in roles", () => {
  it("name only permissions that exist in the catalogue, each once", () => {
    for (const r of BUILT_IN_ROLES) {
      for (const p of r.permissions) expect(isPermission(p), `${r.key}: ${p}`).toBe(true);
      expect(new Set(r.permissions).size, r.key).toBe(r.permissions.length);
    }
  });

  it("have unique keys and include the default sign-up role and Super Admin", () => {
    const keys = BUILT_IN_ROLES.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain(DEFAULT_SIGN_UP_ROLE);
    expect(keys).toContain(SUPER_ADMIN_ROLE);
  });

  it("give Super Admin every permission", () => {
    expect([...role(SUPER_ADMIN_ROLE).permissions].sort()).toEqual([...ALL_PERMISSIONS].sort());
  });

  it("give Admin everything except roles.manage and email.outbox.read", () => {
    const admin = role("admin").permissions;
    expect(admin).not.toContain("roles.manage");
    expect([...admin].sort()).toEqual(
      ALL_PERMISSIONS.filter((p) => p !== "roles.manage" && p !== "email.outbox.read").sort(),
    );
  });

  it("let only Super Admin read other people's mail in the developer outbox", () => {
    expect(BUILT_IN_ROLES.filter((r) => r.permissions.includes("email.outbox.read")).map((r) => r.key)).toEqual([
      SUPER_ADMIN_ROLE,
    ]);
  });

  it("require a second factor for Super Admin and Admin only", () => {
    expect(
      BUILT_IN_ROLES.filter((r) => r.requiresTwoFactor)
        .map((r) => r.key)
        .sort(),
    ).toEqual(["admin", "super_admin"]);
  });

  it("keep new sign-ups to their own account, their own activity and the board", () => {
    expect([...role(DEFAULT_SIGN_UP_ROLE).permissions].sort()).toEqual([
      "audit.read_own",
      "board.read",
      "dashboard.view",
    ]);
  });

  it("do not let Manager or Staff manage users, sessions or roles", () => {
    for (const key of ["manager", "staff", "user"]) {
      for (const p of [
        "users.manage",
        "users.invite",
        "users.impersonate",
        "sessions.manage",
        "roles.manage",
        "roles.read",
      ] as const) {
        expect(role(key).permissions, `${key}: ${p}`).not.toContain(p);
      }
    }
  });
});
