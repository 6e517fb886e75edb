// `Authorization: Bearer odk_live_…`: the API key behind a request, as an Actor for its owner. Read
// like a session (the key, then its owner by id; their roles by record version from
// lib/auth/user-access.ts).
// A key never outlives or outranks its owner: on every request it holds only the permissions that
// are both in its scopes and held by the owner right now (roles, verified address, approval), and
// it stops working when the owner is banned or, for a person, when a role of theirs requires a
// second factor they have not set up (their own sessions hold nothing then either). A service
// account's key also answers to the admin who made it (lib/data/api-keys): it holds only what that
// admin holds now too, and nothing once they are banned, so demoting or banning an admin takes
// away the keys they minted.
import "server-only";
import { db } from "@/lib/db";
import { rawRead } from "@/lib/db-raw";
import { apiKeyHash } from "@/lib/api/api-key-format";
import { ACCESS_VERSION_SQL, accessVersionOf, userAccess } from "@/lib/auth/user-access";
import type { Actor } from "@/lib/auth/actor";
import { UnauthenticatedError } from "@/lib/errors";
import { effectivePermissions } from "@/lib/rbac/effective-permissions";
import { isPermission, type Permission } from "@/lib/rbac/permissions";
import { roleCache } from "@/lib/rbac/role-cache";

/** The key-authenticated principal: an Actor with the owner's identity and the key's. */
export type KeyActor = Actor & {
  apiKeyId: string;
  apiKey: { id: string; name: string; prefix: string; scopes: readonly Permission[]; expiresAt: Date | null };
  kind: "person" | "service";
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  twoFactorEnabled: boolean;
  roles: readonly { readonly key: string; readonly name: string }[];
};

type KeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  ownerId: string;
  createdById: string | null;
};

type AccountRow = {
  id: string;
  kind: string;
  status: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  emailVerifiedAt: Date | null;
  totpEnabledAt: Date | null;
  staffApproval: string | null;
  version: number | bigint;
  accessVersion: number | bigint | null;
};

// The key, then its owner (and for a service account's key the admin who
// made it) by primary key: single-row index reads, which SQLite answers in a quarter of the CPU
// time of the same join (~25 vs ~95 µs here). Roles and passkeys of each come from
// lib/auth/user-access.ts by the record version read here, with the access version of the same
// statement (so role ids and what roles grant are of one moment).
const KEY_QUERY = `SELECT k."id", k."name", k."prefix", k."scopes", k."expiresAt", k."revokedAt", k."lastUsedAt",
  k."lastUsedIp", k."ownerId", k."createdById" FROM "ApiKey" k WHERE k."hash" = ?`;
const ACCOUNT_QUERY = `SELECT u."id", u."kind", u."status", u."username", u."email", u."firstName", u."lastName",
  u."emailVerifiedAt", u."totpEnabledAt", u."staffApproval", u."version", ${ACCESS_VERSION_SQL} AS "accessVersion"
  FROM "User" u WHERE u."id" = ?`;

async function account(id: string): Promise<AccountRow | null> {
  const [row] = await rawRead<AccountRow>(ACCOUNT_QUERY, [id]);
  return row ?? null;
}

/** An account's role ids and passkeys, with the access version of the same moment. */
const accessOf = (account: AccountRow) =>
  userAccess(account.id, Number(account.version), accessVersionOf(account.accessVersion));

const TOUCH_INTERVAL_MS = 60_000;
/** Keys whose last-used time this process wrote, and when (the oldest forgotten past the limit). */
const touchedAt = new Map<string, number>();
const TOUCHED_LIMIT = 10_000;

function parseScopes(raw: string): Permission[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((s): s is Permission => typeof s === "string" && isPermission(s)) : [];
  } catch {
    return [];
  }
}

/** What the admin who made a service account's key holds now (nothing once banned or gone). */
async function creatorPermissions(createdById: string | null): Promise<ReadonlySet<Permission>> {
  const creator = createdById ? await account(createdById) : null;
  if (!creator || creator.status !== "active" || creator.staffApproval === "pending") return new Set();
  const access = await accessOf(creator);
  const roles = await roleCache.roleSet(access.roleIds, access.accessVersion);
  const complete = !roles.requiresTwoFactor || creator.totpEnabledAt != null || access.passkeyCount > 0;
  return effectivePermissions(roles.granted, {
    emailVerified: creator.emailVerifiedAt != null,
    sessionComplete: complete,
  });
}

/** Throws 401 with a specific code for a key that is unknown, revoked, expired or whose owner is banned. */
export async function authenticateApiKey(presented: string, ip: string | null): Promise<KeyActor> {
  const hash = apiKeyHash(presented);
  if (!hash) throw new UnauthenticatedError("The API key is not valid.", "invalid_api_key");
  const [row] = await rawRead<KeyRow>(KEY_QUERY, [hash]);
  if (!row) throw new UnauthenticatedError("The API key is not valid.", "invalid_api_key");
  const now = Date.now();
  if (row.revokedAt) throw new UnauthenticatedError("This API key has been revoked.", "api_key_revoked");
  if (row.expiresAt && new Date(row.expiresAt).getTime() <= now) {
    throw new UnauthenticatedError("This API key has expired.", "api_key_expired");
  }
  const owner = await account(row.ownerId);
  if (!owner) throw new UnauthenticatedError("The API key is not valid.", "invalid_api_key");
  if (owner.status !== "active") {
    throw new UnauthenticatedError("The owner of this API key can no longer use it.", "api_key_owner_inactive");
  }

  const kind = owner.kind === "service" ? "service" : "person";
  const access = await accessOf(owner);
  const roles = await roleCache.roleSet(access.roleIds, access.accessVersion);
  // A service account has no address to verify and never signs in, so no second factor applies.
  const emailVerified = kind === "service" || owner.emailVerifiedAt != null;
  const twoFactorEnabled = owner.totpEnabledAt != null || access.passkeyCount > 0;
  const ownerComplete =
    owner.staffApproval !== "pending" && (kind === "service" || !roles.requiresTwoFactor || twoFactorEnabled);
  const owned = effectivePermissions(roles.granted, { emailVerified, sessionComplete: ownerComplete });
  const scopes = parseScopes(row.scopes);
  let permissions = new Set<Permission>(scopes.filter((p) => owned.has(p)));
  if (kind === "service") {
    const minted = await creatorPermissions(row.createdById);
    permissions = new Set([...permissions].filter((p) => minted.has(p)));
  }

  // By time only: a key used from several addresses (a load-balanced client) must not write on
  // every request.
  // Also by what this process wrote last: the requests that arrive before that write commits would
  // otherwise all write too.
  const lastUsed = Math.max(row.lastUsedAt ? new Date(row.lastUsedAt).getTime() : 0, touchedAt.get(row.id) ?? 0);
  if (now - lastUsed > TOUCH_INTERVAL_MS) {
    touchedAt.delete(row.id);
    if (touchedAt.size >= TOUCHED_LIMIT) touchedAt.delete(touchedAt.keys().next().value!);
    touchedAt.set(row.id, now);
    await db.apiKey.updateMany({ where: { id: row.id }, data: { lastUsedAt: new Date(now), lastUsedIp: ip } });
  }

  return {
    userId: owner.id,
    permissions,
    emailVerified,
    impersonatorId: null,
    apiKeyId: row.id,
    apiKey: {
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      scopes,
      expiresAt: row.expiresAt ? new Date(row.expiresAt) : null,
    },
    kind,
    username: owner.username,
    email: owner.email,
    firstName: owner.firstName,
    lastName: owner.lastName,
    twoFactorEnabled,
    roles: roles.roles,
  };
}
