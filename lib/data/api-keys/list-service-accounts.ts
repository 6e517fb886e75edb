// Admin → Service accounts: every service account with its roles, status and how many of its
// keys are active. users.manage (the same permission that makes and disables them).
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/rbac/can";

export type ServiceAccountSummary = {
  id: string;
  username: string;
  name: string;
  status: "active" | "disabled";
  createdAt: Date;
  roles: { id: string; key: string; name: string }[];
  activeKeys: number;
};

export async function listServiceAccounts(actor: Actor | null): Promise<ServiceAccountSummary[]> {
  requirePermission(actor, "users.manage");
  const now = new Date();
  const rows = await db.user.findMany({
    where: { kind: "service" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: {
      id: true,
      username: true,
      firstName: true,
      status: true,
      createdAt: true,
      roles: { select: { role: { select: { id: true, key: true, name: true } } } },
      _count: {
        select: {
          apiKeys: { where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } },
        },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    name: row.firstName,
    status: row.status === "active" ? "active" : "disabled",
    createdAt: row.createdAt,
    roles: row.roles.map((r) => r.role).sort((a, b) => a.name.localeCompare(b.name)),
    activeKeys: row._count.apiKeys,
  }));
}
