// The transactions table and GET /api/v1/transactions: filters (customer, staff member, date
// range, status, payment method), `q` as a receipt number, sort by time, total or number, keyset
// pagination (lib/data/keyset-page.ts). Rows carry what a table shows, not the lines.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { KeysetColumn } from "@/lib/data/keyset";
import { keysetPage } from "@/lib/data/keyset-page";
import { requirePermission } from "@/lib/rbac/can";
import type { PaymentMethod, TransactionStatus } from "@/lib/validations/transaction";
import {
  receiptNumberOf,
  type TransactionListQuery,
  type TransactionSortKey,
} from "@/lib/validations/transaction-list-query";

export type TransactionListItem = {
  id: string;
  number: number;
  occurredAt: Date;
  status: TransactionStatus;
  currency: string;
  total: number;
  refundedAmount: number;
  paymentMethod: PaymentMethod;
  customer: { id: string; name: string } | null;
  staff: { id: string; name: string };
  lineCount: number;
  version: number;
};

export type TransactionListPage = {
  items: TransactionListItem[];
  total: number | null;
  start: number | null;
  nextCursor: string | null;
  prevCursor: string | null;
};

const SORT_COLUMNS: Record<TransactionSortKey, readonly KeysetColumn[]> = {
  occurredAt: [{ field: "occurredAt", type: "date" }],
  total: [{ field: "total", type: "number" }],
  number: [{ field: "number", type: "number" }],
};

type TransactionWhere = NonNullable<Parameters<typeof db.transaction.findMany>[0]>["where"];
type TransactionOrderBy = NonNullable<Parameters<typeof db.transaction.findMany>[0]>["orderBy"];

const DAY_MS = 24 * 60 * 60 * 1000;

export function transactionFilterWhere(
  query: Pick<TransactionListQuery, "q" | "customer_id" | "staff_id" | "from" | "to" | "status" | "payment_method">,
): NonNullable<TransactionWhere> {
  const and: NonNullable<TransactionWhere>[] = [];
  if (query.q) {
    // Not a receipt number: matches nothing (-1 is never a number).
    and.push({ number: receiptNumberOf(query.q) ?? -1 });
  }
  if (query.customer_id) and.push({ customerId: query.customer_id });
  if (query.staff_id) and.push({ staffId: query.staff_id });
  if (query.from) and.push({ occurredAt: { gte: query.from.at } });
  if (query.to) {
    and.push(
      query.to.endOfDay
        ? { occurredAt: { lt: new Date(query.to.at.getTime() + DAY_MS) } }
        : { occurredAt: { lte: query.to.at } },
    );
  }
  if (query.status) and.push({ status: query.status });
  if (query.payment_method) and.push({ paymentMethod: query.payment_method });
  return and.length ? { AND: and } : {};
}

const select = {
  id: true,
  number: true,
  occurredAt: true,
  status: true,
  currency: true,
  total: true,
  refundedAmount: true,
  paymentMethod: true,
  version: true,
  customer: { select: { id: true, name: true } },
  staff: { select: { id: true, firstName: true, lastName: true } },
  _count: { select: { lines: true } },
} as const;

export async function listTransactions(
  actor: Actor | null,
  query: TransactionListQuery,
  /** `limit` overrides the page size (the CSV export reads larger pages). */
  options: { count?: boolean; limit?: number } = {},
): Promise<TransactionListPage> {
  requirePermission(actor, "transactions.read");
  const count = options.count ?? query.total;
  const page = await keysetPage({
    columns: SORT_COLUMNS[query.sort.key],
    sort: query.sort,
    cursor: query.cursor,
    limit: options.limit ?? query.limit,
    where: transactionFilterWhere(query),
    read: (args) =>
      db.transaction.findMany({
        where: args.where as TransactionWhere,
        orderBy: args.orderBy as TransactionOrderBy,
        take: args.take,
        select,
      }),
    count: count ? (where) => db.transaction.count({ where: where as TransactionWhere }) : undefined,
  });
  return {
    items: page.rows.map((t) => ({
      id: t.id,
      number: t.number,
      occurredAt: t.occurredAt,
      status: t.status as TransactionStatus,
      currency: t.currency,
      total: t.total,
      refundedAmount: t.refundedAmount,
      paymentMethod: t.paymentMethod as PaymentMethod,
      customer: t.customer,
      staff: { id: t.staff.id, name: `${t.staff.firstName} ${t.staff.lastName}`.trim() },
      lineCount: t._count.lines,
      version: t.version,
    })),
    total: page.total,
    start: page.start,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
  };
}
