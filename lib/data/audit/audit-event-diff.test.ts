import { describe, expect, it } from "vitest";
import { auditEventDiff } from "@/lib/data/audit/audit-event-diff";

describe("auditEventDiff", () => {
  it("pairs <field>Before/<field>After in the order of `changed`", () => {
    const diff = auditEventDiff("customer.updated", {
      changed: ["phone", "name"],
      nameBefore: "Acme",
      nameAfter: "Acme Ltd",
      phoneBefore: null,
      phoneAfter: "+44 1",
    });
    expect(diff.fields).toEqual([
      { field: "phone", before: null, after: "+44 1" },
      { field: "name", before: "Acme", after: "Acme Ltd" },
    ]);
    expect(diff.lists).toEqual([]);
  });

  it("names a bare before/after pair by action and lists additions and removals", () => {
    const diff = auditEventDiff("admin.user_roles_changed", {
      before: ["user"],
      after: ["staff"],
      added: ["staff"],
      removed: ["user"],
    });
    expect(diff.fields).toEqual([{ field: "roles", before: ["user"], after: ["staff"] }]);
    expect(diff.lists).toEqual([{ field: "roles", added: ["staff"], removed: ["user"] }]);
  });

  it("reads <field>Added/<field>Removed (a role's permissions)", () => {
    const diff = auditEventDiff("role.updated", {
      effectivePermissionsAdded: ["audit.read"],
      effectivePermissionsRemoved: [],
    });
    expect(diff.lists).toEqual([{ field: "effectivePermissions", added: ["audit.read"], removed: [] }]);
  });

  it("has nothing to show for events without changes", () => {
    expect(auditEventDiff("auth.signed_out", { method: "password" })).toEqual({ fields: [], lists: [] });
  });
});
