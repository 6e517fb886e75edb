// The customers list (customers.read) for the table, GET /api/v1/customers and the CSV export:
// a search over name, email and phone (every word must match one of them), filters by tag and
// archived state (active by default), a sort from the allow-list, and keyset pagination on
// (sort value, id) in both directions (lib/data/keyset-page.ts), read in raw SQL
// (read-customer-rows.ts). Counting is optional (the API counts only with total=true), so a deep
// page costs what the first one does.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/rbac/can";
import type { KeysetColumn } from "@/lib/data/keyset";
import { keysetPage } from "@/lib/data/keyset-page";
import { toCustomerJson } from "@/lib/data/customers/customer-record";
import { keysetSqlDialect } from "@/lib/data/keyset-sql";
import {
  countCustomerRows,
  customerColumn,
  customerFilterSql,
  readCustomerRows,
} from "@/lib/data/customers/read-customer-rows";
import type { CustomerJson } from "@/lib/validations/customer";
import type { CustomerListQuery, CustomerSortKey } from "@/lib/validations/customer-list-query";

export type CustomerListPage = {
  items: CustomerJson[];
  /** Matching customers (null unless counted). */
  total: number | null;
  /** 1-based position of the first item (null unless counted; 0 when empty). */
  start: number | null;
  nextCursor: string | null;
  prevCursor: string | null;
};

const SORT_COLUMNS: Record<CustomerSortKey, readonly KeysetColumn[]> = {
  name: [{ field: "name", type: "string" }],
  createdAt: [{ field: "createdAt", type: "date" }],
  updatedAt: [{ field: "updatedAt", type: "date" }],
};

const dialect = keysetSqlDialect(customerColumn);

/** One page of customers; `count` adds the total and the page's start position. */
export async function listCustomers(
  actor: Actor | null,
  query: CustomerListQuery,
  options: { count?: boolean; limit?: number } = {},
): Promise<CustomerListPage> {
  requirePermission(actor, "customers.read");
  const count = options.count ?? query.total;
  const page = await keysetPage({
    dialect,
    columns: SORT_COLUMNS[query.sort.key],
    sort: query.sort,
    cursor: query.cursor,
    limit: options.limit ?? query.limit,
    where: customerFilterSql(query),
    read: (args) => readCustomerRows(args.where, args.orderBy, args.take),
    ...(count ? { count: countCustomerRows } : {}),
  });
  return {
    items: page.rows.map(toCustomerJson),
    total: page.total,
    start: page.start,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
  };
}

/** The tags in use (for the table's tag filter), most used first. */
export async function listCustomerTags(actor: Actor | null, limit = 100): Promise<string[]> {
  requirePermission(actor, "customers.read");
  const rows = await db.customerTag.groupBy({
    by: ["tag"],
    _count: { tag: true },
    orderBy: [{ _count: { tag: "desc" } }, { tag: "asc" }],
    take: limit,
  });
  return rows.map((r) => r.tag);
}
