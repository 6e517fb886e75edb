// The transactions table's query (/records/transactions and GET /api/v1/transactions): `q` is a
// receipt number ("1042" or "#1042"); filters by customer, staff member, date range (`from`/`to`
// as dates, inclusive, or instants), status and payment method; sort by time, total or number.
import { z } from "zod";
import { defineListQuery, type SortSpec } from "@/lib/validations/list-query";
import { PAYMENT_METHODS, TRANSACTION_STATUSES } from "@/lib/validations/transaction";

export const TRANSACTION_SORT_KEYS = ["occurredAt", "total", "number"] as const;
export type TransactionSortKey = (typeof TRANSACTION_SORT_KEYS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A date ("2026-03-01", a whole UTC day) or an instant; `end` makes a date mean the end of its day. */
function dateParam(end: boolean) {
  return z
    .string()
    .trim()
    .max(40)
    .transform((value, ctx) => {
      const day = DAY.test(value);
      const date = day || INSTANT.test(value) ? new Date(day ? `${value}T00:00:00.000Z` : value) : null;
      if (!date || Number.isNaN(date.getTime()) || (day && date.toISOString().slice(0, 10) !== value)) {
        ctx.addIssue({ code: "custom", message: "Use a date (2026-03-01) or a date and time (2026-03-01T09:30:00Z)." });
        return z.NEVER;
      }
      // `to=2026-03-01` includes that whole day: the filter is "before the next midnight".
      return { at: date, endOfDay: end && day };
    });
}

const recordId = z
  .string()
  .trim()
  .max(64, "That is not an id.")
  .regex(/^[A-Za-z0-9_-]+$/, "That is not an id.");

const transactionListQuery = defineListQuery({
  sortKeys: TRANSACTION_SORT_KEYS,
  defaultSort: { key: "occurredAt", direction: "desc" },
  filters: {
    customer_id: recordId,
    staff_id: recordId,
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
