// A customer's purchase history for their detail page: the latest sales and the lifetime value,
// per currency: what they paid and kept (total − refunded) over completed and partly refunded
// sales (voided ones count for nothing; a sale refunded in full nets to zero anyway).
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/rbac/can";
import { listTransactions, type TransactionListItem } from "@/lib/data/transactions/list-transactions";
import { parseTransactionListQuery } from "@/lib/validations/transaction-list-query";

export type CustomerLifetimeValue = { currency: string; amount: number; sales: number };

export type CustomerPurchases = {
  items: TransactionListItem[];
  /** All the customer's sales, any status. */
  count: number;
  /** Per currency, largest first. */
  lifetimeValue: CustomerLifetimeValue[];
};

export async function customerLifetimeValue(actor: Actor | null, customerId: string): Promise<CustomerLifetimeValue[]> {
  requirePermission(actor, "transactions.read");
  const groups = await db.transaction.groupBy({
    by: ["currency"],
    where: { customerId, status: { in: ["completed", "partially_refunded"] } },
    _sum: { total: true, refundedAmount: true },
    _count: { _all: true },
  });
  return groups
    .map((g) => ({
      currency: g.currency,
      amount: (g._sum.total ?? 0) - (g._sum.refundedAmount ?? 0),
      sales: g._count._all,
    }))
    .sort((a, b) => b.amount - a.amount);
}

export async function listCustomerTransactions(
  actor: Actor | null,
  customerId: string,
  options: { limit?: 10 | 25 | 50 | 100 } = {},
): Promise<CustomerPurchases> {
  requirePermission(actor, "transactions.read");
  const query = { ...parseTransactionListQuery({}), customer_id: customerId, limit: options.limit ?? 10 };
  const [page, lifetimeValue] = await Promise.all([
    listTransactions(actor, query, { count: true }),
    customerLifetimeValue(actor, customerId),
  ]);
  return { items: page.items, count: page.total ?? 0, lifetimeValue };
}
