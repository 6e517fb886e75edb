// Roles with their permissions, cached per process. A signed-in request reads the user's role ids
// and AccessVersion.version of one moment (lib/auth/sessions.ts, lib/auth/user-access.ts); this cache answers
// what those roles grant. Database triggers bump the version in the same transaction as any write
// to Role, RolePermission or Permission (prisma/schema.prisma, AccessVersion), so a request that
// reads a version the cache does not hold reloads it first: an edit made through any instance, or
// by hand in SQL, counts on every instance's next request.
import "server-only";
import { db, type Db } from "@/lib/db";
import { log } from "@/lib/log";
import { ancestry } from "@/lib/rbac/role-graph";

type CachedRole = {
  id: string;
  key: string;
  name: string;
  parentId: string | null;
  requiresTwoFactor: boolean;
  permissions: string[];
};

/** What a set of roles amounts to. */
export type RoleSet = {
  roles: readonly { readonly key: string; readonly name: string }[];
  requiresTwoFactor: boolean;
  /** Permission keys granted by any of the roles or their ancestors (as stored; effectivePermissions filters them). */
  granted: readonly string[];
};

type Snapshot = { version: number; roles: CachedRole[]; byId: Map<string, CachedRole>; sets: Map<string, RoleSet> };

/** Distinct role sets remembered per snapshot; past this the memo starts again (it is only a memo). */
const MAX_SETS = 10_000;

export function createRoleCache(client: Db) {
  let current: Snapshot | null = null;
  let loading: Promise<Snapshot> | null = null;

  async function load(): Promise<Snapshot> {
    // The version first, then the roles: if an edit commits in between, the roles are newer than
    // the version says, and the next request (which reads the newer version) loads again. The other
    // order could label an old state with a new version and keep it.
    const row = await client.accessVersion.findUnique({ where: { id: 1 }, select: { version: true } });
    const rows = await client.role.findMany({
      orderBy: [{ createdAt: "asc" }, { key: "asc" }],
      select: {
        id: true,
        key: true,
        name: true,
        parentId: true,
        requiresTwoFactor: true,
        permissions: { select: { permission: { select: { key: true } } } },
      },
    });
    const roles = rows.map((r) => ({ ...r, permissions: r.permissions.map((p) => p.permission.key) }));
    if (!row) log.error("AccessVersion row 1 is missing: roles are reloaded on every request until it is restored");
    // Without the row no session's version (-1 then) matches -2, so nothing cached is ever trusted.
    return { version: row?.version ?? -2, roles, byId: new Map(roles.map((r) => [r.id, r])), sets: new Map() };
  }

  function loadOnce(): Promise<Snapshot> {
    loading ??= load()
      .then((s) => (current = s))
      .finally(() => (loading = null));
    return loading;
  }

  /** The roles as of `version` (the one read with the session), loading them if this process holds another. */
  async function snapshot(version: number): Promise<Snapshot> {
    if (current?.version === version) return current;
    // A load already under way may have read the version before this request's session query did:
    // if it does not give the version asked for, load once more; a load that starts after the
    // session query reflects at least what that query saw.
    const first = await loadOnce();
    return first.version === version ? first : loadOnce();
  }

  /**
   * What the roles with these ids grant, as of `version`. A held role this snapshot does not know
   * means the cache is out of step (a missing trigger, say): it reloads once, and a role still
   * unknown grants nothing but counts as requiring 2FA, so the gap fails closed.
   */
  async function roleSet(roleIds: readonly string[], version: number): Promise<RoleSet> {
    let snap = await snapshot(version);
    const key = [...roleIds].sort().join(",");
    let set = snap.sets.get(key);
    if (set) return set;
    if (roleIds.some((id) => !snap.byId.has(id))) snap = await loadOnce();
    const unknown = roleIds.filter((id) => !snap.byId.has(id));
    if (unknown.length) log.error({ roleIds: unknown }, "a session holds roles the role cache cannot find");
    const roles = snap.roles.filter((r) => roleIds.includes(r.id));
    // Inheritance: each held role brings its ancestors' permissions and 2FA requirement.
    const lineage = roles.flatMap((r) => ancestry(r.id, snap.byId));
    set = Object.freeze({
      roles: Object.freeze(roles.map((r) => Object.freeze({ key: r.key, name: r.name }))),
      requiresTwoFactor: unknown.length > 0 || lineage.some((r) => r.requiresTwoFactor),
      granted: Object.freeze([...new Set(lineage.flatMap((r) => r.permissions))]),
    }) as RoleSet;
    // Shared by every request with the same roles (frozen, so no request can change another's).
    if (!unknown.length) {
      if (snap.sets.size >= MAX_SETS) snap.sets.clear();
      snap.sets.set(key, set);
    }
    return set;
  }

  return { roleSet };
}

/** This process's cache. */
export const roleCache = createRoleCache(db);
