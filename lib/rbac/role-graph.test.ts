import { describe, expect, it } from "vitest";
import {
  ancestry,
  effectiveRolePermissions,
  roleRequiresTwoFactor,
  wouldCreateCycle,
  type GraphRole,
} from "@/lib/rbac/role-graph";

type R = GraphRole & { name: string };

function graph(...roles: [id: string, parentId: string | null, permissions: string[], twoFactor?: boolean][]) {
  return new Map<string, R>(
    roles.map(([id, parentId, permissions, twoFactor]) => [
      id,
      { id, name: id.toUpperCase(), parentId, permissions, requiresTwoFactor: twoFactor ?? false },
    ]),
  );
}

const ids = (rs: readonly { id: string }[]) => rs.map((r) => r.id);

describe("ancestry", () => {
  it("is the role, then its parent, grandparent… up to the root", () => {
    const g = graph(["a", null, []], ["b", "a", []], ["c", "b", []]);
    expect(ids(ancestry("c", g))).toEqual(["c", "b", "a"]);
    expect(ids(ancestry("a", g))).toEqual(["a"]);
  });

  it("is empty for an unknown role and stops at a parent that no longer exists", () => {
    const g = graph(["b", "gone", []]);
    expect(ancestry("nope", g)).toEqual([]);
    expect(ids(ancestry("b", g))).toEqual(["b"]);
  });

  it("stops at a loop made by hand instead of walking forever", () => {
    const g = graph(["a", "c", []], ["b", "a", []], ["c", "b", []]);
    expect(ids(ancestry("a", g))).toEqual(["a", "c", "b"]);
    expect(ids(ancestry("self", graph(["self", "self", []])))).toEqual(["self"]);
  });
});

describe("effectiveRolePermissions", () => {
  it("unions the role's own permissions with its ancestors', each with the roles it comes from, nearest first", () => {
    const g = graph(
      ["base", null, ["dashboard.view", "board.read"]],
      ["mid", "base", ["board.read", "customers.read"]],
      ["leaf", "mid", ["customers.write"]],
    );
    const eff = effectiveRolePermissions("leaf", g);
    expect([...eff.keys()].sort()).toEqual(["board.read", "customers.read", "customers.write", "dashboard.view"]);
    expect(ids(eff.get("customers.write")!)).toEqual(["leaf"]);
    expect(ids(eff.get("board.read")!)).toEqual(["mid", "base"]);
    expect(ids(eff.get("dashboard.view")!)).toEqual(["base"]);
  });

  it("gives a root role exactly its own permissions, and an unknown role nothing", () => {
    const g = graph(["base", null, ["dashboard.view"]], ["leaf", "base", ["board.read"]]);
    expect([...effectiveRolePermissions("base", g).keys()]).toEqual(["dashboard.view"]);
    expect(effectiveRolePermissions("nope", g).size).toBe(0);
  });

  it("counts each role once even in a loop", () => {
    const g = graph(["a", "b", ["x"]], ["b", "a", ["x", "y"]]);
    const eff = effectiveRolePermissions("a", g);
    expect(ids(eff.get("x")!)).toEqual(["a", "b"]);
    expect(ids(eff.get("y")!)).toEqual(["b"]);
  });
});

describe("roleRequiresTwoFactor", () => {
  it("holds when the role or any ancestor requires it, not when only a descendant does", () => {
    const g = graph(["root", null, [], true], ["mid", "root", []], ["leaf", "mid", []], ["free", null, []], [
      "strict-child",
      "free",
      [],
      true,
    ]);
    expect(roleRequiresTwoFactor("leaf", g)).toBe(true);
    expect(roleRequiresTwoFactor("root", g)).toBe(true);
    expect(roleRequiresTwoFactor("free", g)).toBe(false);
    expect(roleRequiresTwoFactor("strict-child", g)).toBe(true);
    expect(roleRequiresTwoFactor("nope", g)).toBe(false);
  });
});

describe("wouldCreateCycle", () => {
  const g = graph(["a", null, []], ["b", "a", []], ["c", "b", []], ["d", null, []]);

  it("refuses a role as its own parent", () => {
    expect(wouldCreateCycle("a", "a", g)).toBe(true);
  });

  it("refuses a descendant (child or further down) as the parent", () => {
    expect(wouldCreateCycle("a", "b", g)).toBe(true);
    expect(wouldCreateCycle("a", "c", g)).toBe(true);
    expect(wouldCreateCycle("b", "c", g)).toBe(true);
  });

  it("allows an ancestor, an unrelated role, or a sibling branch", () => {
    expect(wouldCreateCycle("c", "a", g)).toBe(false);
    expect(wouldCreateCycle("a", "d", g)).toBe(false);
    expect(wouldCreateCycle("d", "c", g)).toBe(false);
  });

  it("allows a parent for a role not yet in the graph", () => {
    expect(wouldCreateCycle("new", "c", g)).toBe(false);
  });

  it("does not hang on a loop already in the data, and reports a role inside it", () => {
    const looped = graph(["x", "y", []], ["y", "x", []], ["z", null, []]);
    expect(wouldCreateCycle("z", "x", looped)).toBe(false);
    expect(wouldCreateCycle("x", "y", looped)).toBe(true);
  });
});
