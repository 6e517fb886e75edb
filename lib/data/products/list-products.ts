// The products table and GET /api/v1/products: the parsed list query
// (lib/validations/product-list-query.ts): `q` over SKU and name (every word must match one of
// them), filters, a sort, and keyset pagination on (sort value, id) in both directions
// (lib/data/keyset-page.ts). Tables always count; the API only when asked (`total=true`).
import "server-only";
import { containsText, searchWords } from "@/lib/data/contains-text";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { KeysetColumn } from "@/lib/data/keyset";
import { keysetPage } from "@/lib/data/keyset-page";
import { requirePermission } from "@/lib/rbac/can";
import { productSelect, toProductJson } from "@/lib/data/products/product-record";
import type { ProductListQuery, ProductSortKey } from "@/lib/validations/product-list-query";
import type { ProductJson } from "@/lib/validations/product";

export type ProductListPage = {
  items: ProductJson[];
  /** Matching products (null when not counted). */
  total: number | null;
  /** 1-based position of the first item (null when not counted; 0 when the page is empty). */
  start: number | null;
  nextCursor: string | null;
  prevCursor: string | null;
};

const SORT_COLUMNS: Record<ProductSortKey, readonly KeysetColumn[]> = {
  name: [{ field: "name", type: "string" }],
  sku: [{ field: "sku", type: "string" }],
  createdAt: [{ field: "createdAt", type: "date" }],
  unitPrice: [{ field: "unitPrice", type: "number" }],
  stock: [{ field: "stock", type: "number" }],
};

type ProductWhere = NonNullable<NonNullable<Parameters<typeof db.product.findMany>[0]>["where"]>;
type ProductOrderBy = NonNullable<Parameters<typeof db.product.findMany>[0]>["orderBy"];

export function productFilterWhere(query: ProductListQuery): ProductWhere {
  const and: ProductWhere[] = [];
  // PostgreSQL refuses NUL in text (a 500 otherwise): it can match nothing anyway.
  const words = searchWords((query.q ?? "").replace(/\u0000/g, ""));
  for (const word of words) {
    // SKUs are stored upper-cased.
    and.push({ OR: [{ sku: { contains: word.toUpperCase() } }, { name: containsText(word) }] });
  }
  if (query.active) and.push({ active: query.active === "yes" });
  const archived = query.archived ?? "no";
  if (archived !== "all") and.push({ archivedAt: archived === "yes" ? { not: null } : null });
  if (query.low_stock) and.push({ stock: { lte: db.product.fields.lowStockThreshold } });
  return and.length ? { AND: and } : {};
}

export async function listProducts(
  actor: Actor | null,
  query: ProductListQuery,
  options: { count?: boolean; limit?: number } = {},
): Promise<ProductListPage> {
  requirePermission(actor, "products.read");
  const page = await keysetPage({
    columns: SORT_COLUMNS[query.sort.key],
    sort: query.sort,
    cursor: query.cursor,
    limit: options.limit ?? query.limit,
    where: productFilterWhere(query),
    read: (args) =>
      db.product.findMany({
        where: args.where as ProductWhere,
        orderBy: args.orderBy as ProductOrderBy,
        take: args.take,
        select: productSelect,
      }),
    count: (options.count ?? query.total) ? (where) => db.product.count({ where: where as ProductWhere }) : undefined,
  });
  return {
    items: page.rows.map(toProductJson),
    total: page.total,
    start: page.start,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
  };
}
