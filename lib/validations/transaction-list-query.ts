// The transactions table's query (/records/transactions and GET /api/v1/transactions): `q` is a
// receipt number ("1042" or "#1042"); filters by customer, staff member, date range (`from`/`to`
// as dates, inclusive, or instants), status and payment method; sort by time, total or number.
import { z } from "zod";
import { defineListQuery, type SortSpec } from "@/lib/validations/list-query";
import { dateParam, recordIdParam } from "@/lib/validations/date-param";
import { PAYMENT_METHODS, TRANSACTION_STATUSES } from "@/lib/validations/transaction";

export const TRANSACTION_SORT_KEYS = ["occurredAt", "total", "number"] as const;
export type TransactionSortKey = (typeof TRANSACTION_SORT_KEYS)[number];

const transactionListQuery = defineListQuery({
  sortKeys: TRANSACTION_SORT_KEYS,
  defaultSort: { key: "occurredAt", direction: "desc" },
  filters: {
    customer_id: recordIdParam,
    staff_id: recordIdParam,
    from: dateParam(false),
    to: dateParam(true),
    status: z.enum(TRANSACTION_STATUSES, { error: `Status is one of ${TRANSACTION_STATUSES.join(", ")}.` }),
    payment_method: z.enum(PAYMENT_METHODS, { error: `Payment method is one of ${PAYMENT_METHODS.join(", ")}.` }),
  },
});

export const transactionListQuerySchema = transactionListQuery.schema;
export const parseTransactionListQuery = transactionListQuery.parse;
export const parseTransactionListQueryStrict = transactionListQuery.parseStrict;
export const TRANSACTION_FILTER_KEYS = transactionListQuery.filterKeys;
export const DEFAULT_TRANSACTION_SORT: SortSpec<TransactionSortKey> = transactionListQuery.defaultSort;
export type TransactionListQuery = ReturnType<typeof parseTransactionListQuery>;

/** "1042", "#1042", "no. 1042" → 1042; anything else → null (matches no receipt). */
export function receiptNumberOf(q: string): number | null {
  const match = /^(?:#|no\.?\s*)?(\d{1,9})$/i.exec(q.trim());
  return match ? Number(match[1]) : null;
}
