// Refunds a sale, whole or by line and quantity: the units go back into stock, a Refund with its
// RefundLines records what was given back, each line and the sale count what is refunded so far,
// and the sale becomes "refunded" once every unit is, "partially_refunded" before that. A line
// cannot be refunded beyond what was sold (422). Amounts come from compute-totals.ts
// (refundAmountFor): refunding a line in full, in any number of steps, returns exactly its total.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { ConflictError, ValidationError, type FieldErrors } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { refundTransactionSchema } from "@/lib/validations/transaction";
import { refundAmountFor } from "@/lib/data/transactions/compute-totals";
import { parseInput } from "@/lib/data/transactions/parse-input";
import { bumpTransaction, loadOpenTransaction } from "@/lib/data/transactions/load-open-transaction";
import {
  toTransactionRecord,
  transactionRecordSelect,
  type TransactionRecord,
} from "@/lib/data/transactions/transaction-record";

export async function refundTransaction(
  actor: Actor | null,
  id: string,
  input: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<TransactionRecord> {
  requirePermission(actor, "transactions.write");
  const data = parseInput(refundTransactionSchema, input);
  return db.$transaction(async (tx) => {
    const row = await loadOpenTransaction(tx, id, expectedVersion, "refunded");
    const lineById = new Map(row.lines.map((l) => [l.id, l]));

    // What to refund per line: as asked (repeated lines added up), or everything left.
    const asked = new Map<string, number>();
    const errors: FieldErrors = {};
    if (data.lines) {
      data.lines.forEach((l, i) => {
        if (!lineById.has(l.lineId)) errors[`lines.${i}.lineId`] = ["This line is not on this receipt."];
        else asked.set(l.lineId, (asked.get(l.lineId) ?? 0) + l.quantity);
      });
      data.lines.forEach((l, i) => {
        const line = lineById.get(l.lineId);
        const left = line ? line.quantity - line.refundedQuantity : 0;
        if (line && (asked.get(l.lineId) ?? 0) > left) {
          errors[`lines.${i}.quantity`] = [
            left === 0
              ? `${line.productName} is already refunded in full.`
              : `At most ${left} of ${line.productName} can be refunded (${line.quantity} sold, ${line.refundedQuantity} refunded).`,
          ];
        }
      });
      if (Object.keys(errors).length) throw new ValidationError(errors);
    } else {
      for (const l of row.lines) if (l.quantity > l.refundedQuantity) asked.set(l.id, l.quantity - l.refundedQuantity);
    }
    if (asked.size === 0) throw new ConflictError(`Receipt #${row.number} has nothing left to refund.`);

    const parts = [...asked].map(([lineId, quantity]) => {
      const line = lineById.get(lineId)!;
      return { line, quantity, amount: refundAmountFor(line, quantity) };
    });
    const amount = parts.reduce((s, p) => s + p.amount, 0);
    const fullyRefunded = row.lines.every((l) => l.refundedQuantity + (asked.get(l.id) ?? 0) >= l.quantity);

    await bumpTransaction(tx, row, {
      status: fullyRefunded ? "refunded" : "partially_refunded",
      refundedAmount: { increment: amount },
    });
    const refund = await tx.refund.create({
      data: {
        transactionId: row.id,
        amount,
        reason: data.reason,
        createdById: actor.userId,
        lines: { create: parts.map((p) => ({ lineId: p.line.id, quantity: p.quantity, amount: p.amount })) },
      },
      select: { id: true },
    });
    for (const p of [...parts].sort((a, b) => a.line.productId.localeCompare(b.line.productId))) {
      await tx.transactionLine.update({
        where: { id: p.line.id },
        data: { refundedQuantity: { increment: p.quantity }, refundedAmount: { increment: p.amount } },
      });
      await tx.product.update({ where: { id: p.line.productId }, data: { stock: { increment: p.quantity }, version: { increment: 1 } } });
    }
    await audit(
      {
        action: "transaction.refunded",
        actorId: actor.userId,
        targetType: "transaction",
        targetId: row.id,
        metadata: {
          number: row.number,
          refundId: refund.id,
          amount,
          currency: row.currency,
          units: parts.reduce((s, p) => s + p.quantity, 0),
          full: fullyRefunded,
          reason: data.reason,
        },
        context: ctx,
      },
      tx,
    );
    return toTransactionRecord(
      await tx.transaction.findUniqueOrThrow({ where: { id }, select: transactionRecordSelect }),
    );
  });
}
