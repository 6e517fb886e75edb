// The first step of a void or a refund, inside its database transaction: the sale as it is now,
// 404 when there is none, 412 when the caller named another version, 409 when it is no longer
// open (voided or refunded in full).
import "server-only";
import type { Tx } from "@/lib/db";
import { ConflictError, NotFoundError, PreconditionFailedError } from "@/lib/errors";
import { OPEN_STATUSES } from "@/lib/data/transactions/transaction-record";

export async function loadOpenTransaction(tx: Tx, id: string, expectedVersion: number | undefined, verb: string) {
  const row = await tx.transaction.findUnique({
    where: { id },
    select: {
      id: true,
      number: true,
      status: true,
      version: true,
      total: true,
      refundedAmount: true,
      currency: true,
      lines: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          productId: true,
          productName: true,
          quantity: true,
          total: true,
          refundedQuantity: true,
          refundedAmount: true,
        },
      },
    },
  });
  if (!row) throw new NotFoundError("No transaction has this id.");
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw new PreconditionFailedError();
  if (!(OPEN_STATUSES as readonly string[]).includes(row.status)) {
    const state = row.status === "voided" ? "voided" : "refunded in full";
    throw new ConflictError(`Receipt #${row.number} was already ${state}; it cannot be ${verb}.`);
  }
  return row;
}

/**
 * Moves the sale on from the version just read: `updateMany` by id and that version, so a void and
 * a refund racing each other cannot both apply (the later finds the version gone: 412).
 */
export async function bumpTransaction(
  tx: Tx,
  row: { id: string; version: number },
  data: Parameters<Tx["transaction"]["updateMany"]>[0]["data"],
): Promise<void> {
  const written = await tx.transaction.updateMany({
    where: { id: row.id, version: row.version, status: { in: [...OPEN_STATUSES] } },
    data: { ...data, version: { increment: 1 } },
  });
  if (written.count === 0) throw new PreconditionFailedError();
}
