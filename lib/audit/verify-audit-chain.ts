import "server-only";
import { db } from "@/lib/db";
import { auditHash, GENESIS_HASH } from "@/lib/audit/hash";

export type ChainCheck = { ok: true; count: number } | { ok: false; count: number; brokenAtSeq: number };

/** Walks the whole chain in batches and reports the first row whose hash or link does not hold. */
export async function verifyAuditChain(batchSize = 1000): Promise<ChainCheck> {
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let count = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { seq: { gt: lastSeq } },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return { ok: true, count };
    for (const row of rows) {
      if (row.prevHash !== prev || auditHash(row) !== row.hash || row.seq !== lastSeq + 1) {
        return { ok: false, count, brokenAtSeq: row.seq };
      }
      prev = row.hash;
      lastSeq = row.seq;
      count += 1;
    }
  }
}
