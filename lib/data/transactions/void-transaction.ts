// Voids a sale: every unit not already refunded goes back into stock, the sale keeps its lines and
// numbers but counts for nothing (status "voided", with who, when and why). Only a completed or
// partly refunded sale can be voided; If-Match (or the page's version) guards against voiding a
// sale someone changed meanwhile.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { voidTransactionSchema } from "@/lib/validations/transaction";
import { parseInput } from "@/lib/data/transactions/parse-input";
import { bumpTransaction, loadOpenTransaction } from "@/lib/data/transactions/load-open-transaction";
import {
  toTransactionRecord,
  transactionRecordSelect,
  type TransactionRecord,
} from "@/lib/data/transactions/transaction-record";

export async function voidTransaction(
  actor: Actor | null,
  id: string,
  input: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<TransactionRecord> {
  requirePermission(actor, "transactions.write");
  const data = parseInput(voidTransactionSchema, input);
  return db.$transaction(async (tx) => {
    const row = await loadOpenTransaction(tx, id, expectedVersion, "voided");
    await bumpTransaction(tx, row, {
      status: "voided",
      voidedAt: new Date(),
      voidedById: actor.userId,
      voidReason: data.reason,
    });
    let restored = 0;
    for (const line of [...row.lines].sort((a, b) => a.productId.localeCompare(b.productId))) {
      const units = line.quantity - line.refundedQuantity;
      if (units <= 0) continue;
      await tx.product.update({ where: { id: line.productId }, data: { stock: { increment: units }, version: { increment: 1 } } });
      restored += units;
    }
    await audit(
      {
        action: "transaction.voided",
        actorId: actor.userId,
        targetType: "transaction",
        targetId: row.id,
        metadata: { number: row.number, reason: data.reason, unitsRestocked: restored },
        context: ctx,
      },
      tx,
    );
    return toTransactionRecord(
      await tx.transaction.findUniqueOrThrow({ where: { id }, select: transactionRecordSelect }),
    );
  });
}
