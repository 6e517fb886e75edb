// Keeps the newest KEEP_DELIVERIES delivery rows of a stream: the status page shows recent history;
// the audit log itself is the lasting record.
import "server-only";
import type { Db, Tx } from "@/lib/db";

export const KEEP_DELIVERIES = 100;

export async function pruneStreamDeliveries(client: Db | Tx, streamId: string): Promise<number> {
  const boundary = await client.auditStreamDelivery.findFirst({
    where: { streamId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: KEEP_DELIVERIES - 1,
    select: { createdAt: true },
  });
  if (!boundary) return 0;
  const { count } = await client.auditStreamDelivery.deleteMany({
    where: { streamId, createdAt: { lt: boundary.createdAt } },
  });
  return count;
}
