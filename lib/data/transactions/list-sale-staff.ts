// The staff members who have recorded sales, for the transactions table's "Staff" filter: only
// names of people who appear on the receipts the reader may already see.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/rbac/can";

export async function listSaleStaff(actor: Actor | null): Promise<{ id: string; name: string }[]> {
  requirePermission(actor, "transactions.read");
  const groups = await db.transaction.groupBy({ by: ["staffId"], take: 200, orderBy: { staffId: "asc" } });
  const users = await db.user.findMany({
    where: { id: { in: groups.map((g) => g.staffId) } },
    select: { id: true, firstName: true, lastName: true },
    orderBy: [{ firstName: "asc" }, { lastName: "asc" }],
  });
  return users.map((u) => ({ id: u.id, name: `${u.firstName} ${u.lastName}`.trim() }));
}
