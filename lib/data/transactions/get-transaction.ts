// One sale with its lines and refunds (the detail page, the receipt, GET /api/v1/transactions/{id}).
// Whoever may read transactions may read every one: there is no per-owner visibility here.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { requirePermission } from "@/lib/rbac/can";
import {
  toTransactionRecord,
  transactionRecordSelect,
  type TransactionRecord,
} from "@/lib/data/transactions/transaction-record";

export async function getTransaction(actor: Actor | null, id: string): Promise<TransactionRecord> {
  requirePermission(actor, "transactions.read");
  // Ids are cuids; anything else cannot match (and is not worth a query).
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new NotFoundError("No transaction has this id.");
  const row = await db.transaction.findUnique({ where: { id }, select: transactionRecordSelect });
  if (!row) throw new NotFoundError("No transaction has this id.");
  return toTransactionRecord(row);
}
