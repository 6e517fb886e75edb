import { describe, expect, it } from "vitest";
import { effectivePermissions } from "@/lib/rbac/effective-permissions";
import { ALL_PERMISSIONS, PERMISSIONS } from "@/lib/rbac/permissions";

const complete = { emailVerified: true, sessionComplete: true };

describe("effectivePermissions", () => {
  it("grants what the roles grant to a verified, complete session", () => {
    expect([...effectivePermissions(["dashboard.view", "customers.read"], complete)].sort()).toEqual([
      "customers.read",
      "dashboard.view",
    ]);
    expect(effectivePermissions(ALL_PERMISSIONS, complete).size).toBe(ALL_PERMISSIONS.length);
  });

  it("drops every needsVerifiedEmail permission while the email is unverified", () => {
    const granted = effectivePermissions(ALL_PERMISSIONS, { emailVerified: false, sessionComplete: true });
    const expected = ALL_PERMISSIONS.filter((p) => !PERMISSIONS[p].needsVerifiedEmail);
    expect([...granted].sort()).toEqual([...expected].sort());
    expect(granted.has("dashboard.view")).toBe(true);
    expect(granted.has("board.read")).toBe(true);
    for (const p of ["customers.read", "email.send", "roles.manage", "board.write", "users.manage"] as const) {
      expect(granted.has(p), p).toBe(false);
    }
  });

  it("grants nothing to a session still waiting for a second factor, however privileged", () => {
    expect(effectivePermissions(ALL_PERMISSIONS, { emailVerified: true, sessionComplete: false }).size).toBe(0);
    expect(effectivePermissions(["dashboard.view"], { emailVerified: false, sessionComplete: false }).size).toBe(0);
  });

  it("ignores keys that are not in the catalogue", () => {
    const granted = effectivePermissions(
      ["dashboard.view", "everything", "toString", "__proto__", "constructor", "", "DASHBOARD.VIEW"],
      complete,
    );
    expect([...granted]).toEqual(["dashboard.view"]);
  });

  it("de-duplicates permissions granted by several roles", () => {
    expect([...effectivePermissions(["board.read", "board.read", "board.read"], complete)]).toEqual(["board.read"]);
  });
});
