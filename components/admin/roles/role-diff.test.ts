import { describe, expect, it } from "vitest";
import { diffRole, effectiveOf, isEmptyDiff, type EditorRole, type RoleDraft } from "@/components/admin/roles/role-diff";

const role = (id: string, parentId: string | null, permissions: string[], extra: Partial<EditorRole> = {}): EditorRole => ({
  id,
  key: id,
  name: id.toUpperCase(),
  builtIn: false,
  parentId,
  requiresTwoFactor: false,
  permissions,
  ...extra,
});

const roles = [
  role("base", null, ["dashboard.view", "board.read"]),
  role("records", "base", ["customers.read"]),
  role("edit", null, ["customers.read", "products.read"]),
];
const draftOf = (r: EditorRole, description = ""): RoleDraft => ({
  name: r.name,
  description,
  permissions: r.permissions,
  requiresTwoFactor: r.requiresTwoFactor,
  parentId: r.parentId,
});

describe("diffRole", () => {
  it("is empty when nothing changed", () => {
    expect(isEmptyDiff(diffRole(roles, "edit", draftOf(roles[2]!), draftOf(roles[2]!)))).toBe(true);
  });

  it("lists renames, 2FA, parent and own permission changes, and how the effective set moves", () => {
    const before = draftOf(roles[2]!);
    const after: RoleDraft = {
      ...before,
      name: "Editors",
      requiresTwoFactor: true,
      parentId: "records",
      permissions: ["customers.read", "customers.write"],
    };
    const diff = diffRole(roles, "edit", before, after);
    expect(diff).toEqual({
      name: { before: "EDIT", after: "Editors" },
      description: null,
      parent: { before: null, after: "RECORDS" },
      requiresTwoFactor: { before: false, after: true },
      added: ["customers.write"],
      removed: ["products.read"],
      effectiveAdded: ["dashboard.view", "board.read", "customers.write"],
      effectiveRemoved: ["products.read"],
    });
  });

  it("counts everything as added for a new role, inherited permissions included", () => {
    const draft: RoleDraft = { name: "New", description: "", permissions: ["analytics.read"], requiresTwoFactor: false, parentId: "base" };
    const diff = diffRole(roles, "new-role", null, draft);
    expect(diff.added).toEqual(["analytics.read"]);
    expect(diff.effectiveAdded).toEqual(["dashboard.view", "board.read", "analytics.read"]);
    expect(diff.parent).toEqual({ before: null, after: "BASE" });
    expect(diff.removed).toEqual([]);
  });

  it("ignores keys no longer in the catalogue", () => {
    const stale = role("stale", null, ["old.key", "board.read"]);
    const diff = diffRole([stale], "stale", draftOf(stale), { ...draftOf(stale), permissions: ["board.read"] });
    expect(isEmptyDiff(diff)).toBe(true);
  });
});

describe("effectiveOf", () => {
  it("gives each permission's sources, the draft's own first, in catalogue order", () => {
    const eff = effectiveOf(roles, "edit", { ...draftOf(roles[2]!), parentId: "records" });
    expect([...eff.keys()]).toEqual(["dashboard.view", "board.read", "customers.read", "products.read"]);
    expect(eff.get("customers.read")!.map((r) => r.id)).toEqual(["edit", "records"]);
    expect(eff.get("board.read")!.map((r) => r.id)).toEqual(["base"]);
  });
});
