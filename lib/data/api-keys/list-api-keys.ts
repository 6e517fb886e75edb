// The caller's own API keys, newest first, revoked and expired ones included (marked by status),
// never the hash.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/rbac/can";
import { API_KEY_SELECT, toApiKeySummary, type ApiKeySummary } from "@/lib/data/api-keys/api-key-row";

export async function listApiKeys(actor: Actor | null): Promise<ApiKeySummary[]> {
  requirePermission(actor, "api_keys.manage");
  const rows = await db.apiKey.findMany({
    where: { ownerId: actor.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: API_KEY_SELECT,
    take: 200,
  });
  const now = Date.now();
  return rows.map((row) => toApiKeySummary(row, now));
}
