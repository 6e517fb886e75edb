// The products table's query (/records/products, GET /api/v1/products, the CSV export): `q` over
// SKU and name (every word must match one of them), filters `active=yes|no`, `archived=no|yes|all`
// (not archived by default), `low_stock=yes` (stock at or below the product's threshold), sort by
// name, SKU, creation, unit price or stock.
import { z } from "zod";
import { defineListQuery, type SortSpec } from "@/lib/validations/list-query";

export const PRODUCT_SORT_KEYS = ["name", "sku", "createdAt", "unitPrice", "stock"] as const;
export type ProductSortKey = (typeof PRODUCT_SORT_KEYS)[number];

export const PRODUCT_ARCHIVED_STATES = ["no", "yes", "all"] as const;
export type ProductArchivedState = (typeof PRODUCT_ARCHIVED_STATES)[number];

const productListQuery = defineListQuery({
  sortKeys: PRODUCT_SORT_KEYS,
  defaultSort: { key: "name", direction: "asc" },
  filters: {
    active: z.enum(["yes", "no"], { error: "active is yes or no." }),
    archived: z.enum(PRODUCT_ARCHIVED_STATES, { error: "archived is no, yes or all." }),
    low_stock: z.enum(["yes"], { error: "low_stock is yes (or left out)." }),
  },
});

export const productListQuerySchema = productListQuery.schema;
export const parseProductListQuery = productListQuery.parse;
export const parseProductListQueryStrict = productListQuery.parseStrict;
export const PRODUCT_FILTER_KEYS = productListQuery.filterKeys;
export const DEFAULT_PRODUCT_SORT: SortSpec<ProductSortKey> = productListQuery.defaultSort;
export type ProductListQuery = ReturnType<typeof parseProductListQuery>;
