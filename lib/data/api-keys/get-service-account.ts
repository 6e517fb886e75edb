// One service account with its keys (never their hashes) and what its keys may be scoped to, for
// the admin's detail view and its "new key" dialog. users.manage; a person's id answers 404.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { requirePermission } from "@/lib/rbac/can";
import type { Permission } from "@/lib/rbac/permissions";
import { API_KEY_SELECT, toApiKeySummary, type ApiKeySummary } from "@/lib/data/api-keys/api-key-row";
import { serviceAccountPermissions } from "@/lib/data/api-keys/service-account-permissions";

export type ServiceAccountDetail = {
  id: string;
  username: string;
  name: string;
  status: "active" | "disabled";
  createdAt: Date;
  roles: { id: string; key: string; name: string }[];
  keys: ApiKeySummary[];
  /** Scopes a new key may have: held by the account and by the viewing admin. */
  grantableScopes: Permission[];
};

export async function getServiceAccount(actor: Actor | null, id: string): Promise<ServiceAccountDetail> {
  requirePermission(actor, "users.manage");
  return db.$transaction(async (tx) => {
    const row = await tx.user.findFirst({
      where: { id: String(id).slice(0, 64), kind: "service" },
      select: {
        id: true,
        username: true,
        firstName: true,
        status: true,
        createdAt: true,
        roles: { select: { role: { select: { id: true, key: true, name: true } } } },
        apiKeys: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200, select: API_KEY_SELECT },
      },
    });
    if (!row) throw new NotFoundError("Service account not found.");
    const held = await serviceAccountPermissions(tx, row.id);
    const now = Date.now();
    return {
      id: row.id,
      username: row.username,
      name: row.firstName,
      status: row.status === "active" ? "active" : "disabled",
      createdAt: row.createdAt,
      roles: row.roles.map((r) => r.role),
      keys: row.apiKeys.map((k) => toApiKeySummary(k, now)),
      grantableScopes: [...held].filter((p) => actor.permissions.has(p)).sort(),
    };
  });
}
