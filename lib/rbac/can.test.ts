import { describe, expect, it } from "vitest";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { can, requirePermission } from "@/lib/rbac/can";
import { effectivePermissions } from "@/lib/rbac/effective-permissions";
import type { Permission } from "@/lib/rbac/permissions";

function viewer(granted: string[], emailVerified = true) {
  return { emailVerified, permissions: effectivePermissions(granted, { emailVerified, sessionComplete: true }) };
}

function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("can", () => {
  it("is true only for a held permission", () => {
    expect(can(viewer(["customers.read"]), "customers.read")).toBe(true);
    expect(can(viewer(["customers.read"]), "customers.write")).toBe(false);
    expect(can(null, "dashboard.view")).toBe(false);
    expect(can(undefined, "dashboard.view")).toBe(false);
  });
});

describe("requirePermission", () => {
  it("passes when the permission is held", () => {
    expect(thrown(() => requirePermission(viewer(["customers.read"]), "customers.read"))).toBeUndefined();
  });

  it("throws 401 without a viewer", () => {
    for (const v of [null, undefined]) {
      const error = thrown(() => requirePermission(v, "dashboard.view"));
      expect(error).toBeInstanceOf(UnauthenticatedError);
      expect(error).toMatchObject({ status: 401, code: "unauthenticated" });
    }
  });

  it("throws 403 forbidden when the viewer lacks the permission", () => {
    const error = thrown(() => requirePermission(viewer(["dashboard.view"]), "roles.manage"));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ status: 403, code: "forbidden" });
  });

  it("throws 403 email_unverified when only the unverified email stands in the way", () => {
    const error = thrown(() => requirePermission(viewer(["customers.read"], false), "customers.read"));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ status: 403, code: "email_unverified" });
    expect((error as Error).message).toMatch(/Verify your email/);
  });

  it("says forbidden, not email_unverified, for a permission that does not need a verified email", () => {
    const error = thrown(() => requirePermission(viewer([], false), "dashboard.view" as Permission));
    expect(error).toMatchObject({ status: 403, code: "forbidden" });
  });
});
