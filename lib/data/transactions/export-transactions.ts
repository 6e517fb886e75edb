// The transactions CSV export (transactions.read): the table's current filter and sort, every
// matching sale, streamed page by page through the same keyset pagination (lib/csv). Amounts are
// integer minor units, as in the API, with the currency beside them. Audited when it starts.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/actor";
import { keysetPages, type CsvColumn } from "@/lib/csv/csv-export";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { decodeCursor, formatSort } from "@/lib/validations/list-query";
import type { TransactionListQuery } from "@/lib/validations/transaction-list-query";
import { listTransactions, type TransactionListItem } from "@/lib/data/transactions/list-transactions";

const EXPORT_PAGE_SIZE = 500;

export const TRANSACTION_EXPORT_COLUMNS: CsvColumn<TransactionListItem>[] = [
  { header: "number", value: (t) => t.number },
  { header: "occurred_at", value: (t) => t.occurredAt },
  { header: "status", value: (t) => t.status },
  { header: "payment_method", value: (t) => t.paymentMethod },
  { header: "currency", value: (t) => t.currency },
  { header: "total_minor", value: (t) => t.total },
  { header: "refunded_minor", value: (t) => t.refundedAmount },
  { header: "lines", value: (t) => t.lineCount },
  { header: "customer", value: (t) => t.customer?.name ?? null },
  { header: "customer_id", value: (t) => t.customer?.id ?? null },
  { header: "staff", value: (t) => t.staff.name },
  { header: "staff_id", value: (t) => t.staff.id },
  { header: "id", value: (t) => t.id },
];

export async function exportTransactions(
  actor: Actor | null,
  query: TransactionListQuery,
  ctx: RequestContext,
): Promise<{
  filename: string;
  columns: CsvColumn<TransactionListItem>[];
  pages: AsyncIterable<TransactionListItem[]>;
}> {
  requirePermission(actor, "transactions.read");
  await audit({
    action: "transaction.exported",
    actorId: actor.userId,
    targetType: "transaction",
    metadata: {
      q: query.q ?? null,
      status: query.status ?? null,
      paymentMethod: query.payment_method ?? null,
      customerId: query.customer_id ?? null,
      staffId: query.staff_id ?? null,
      from: query.from?.at.toISOString() ?? null,
      to: query.to?.at.toISOString() ?? null,
      sort: formatSort(query.sort),
    },
    context: ctx,
  });
  const base = { ...query, cursor: undefined, total: false, limit: 100 as const };
  const pages = keysetPages(async (cursor) => {
    const page = await listTransactions(
      actor,
      { ...base, cursor: cursor ? (decodeCursor(cursor) ?? undefined) : undefined },
      { count: false, limit: EXPORT_PAGE_SIZE },
    );
    return { rows: page.items, nextCursor: page.nextCursor };
  });
  return {
    filename: `transactions-${new Date().toISOString().slice(0, 10)}.csv`,
    columns: TRANSACTION_EXPORT_COLUMNS,
    pages,
  };
}
