// The products CSV export (products.read): the list's current filter and sort, every matching row,
// streamed page by page through the same keyset pagination as the table (lib/csv), so memory stays
// bounded by one page. The columns are the import's (money as decimal text in the product's
// currency, the tax rate as percent), so an export can be edited and imported again; the id and
// the integer fields the API speaks follow. The export is audited when it starts.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/actor";
import { keysetPages, type CsvColumn } from "@/lib/csv/csv-export";
import type { RequestContext } from "@/lib/http/request-context";
import { bpsToPercentText, minorToDecimalText } from "@/lib/money";
import { requirePermission } from "@/lib/rbac/can";
import { listProducts } from "@/lib/data/products/list-products";
import { decodeCursor, formatSort } from "@/lib/validations/list-query";
import type { ProductJson } from "@/lib/validations/product";
import type { ProductListQuery } from "@/lib/validations/product-list-query";

const EXPORT_PAGE_SIZE = 500;

export const PRODUCT_EXPORT_COLUMNS: CsvColumn<ProductJson>[] = [
  { header: "sku", value: (p) => p.sku },
  { header: "name", value: (p) => p.name },
  { header: "description", value: (p) => p.description },
  { header: "unit_price", value: (p) => minorToDecimalText(p.unitPrice, p.currency) },
  { header: "unit_cost", value: (p) => minorToDecimalText(p.unitCost, p.currency) },
  { header: "currency", value: (p) => p.currency },
  { header: "tax_rate_percent", value: (p) => bpsToPercentText(p.taxRateBps) },
  { header: "stock", value: (p) => p.stock },
  { header: "low_stock_threshold", value: (p) => p.lowStockThreshold },
  { header: "active", value: (p) => (p.active ? "yes" : "no") },
  { header: "id", value: (p) => p.id },
  { header: "archived", value: (p) => (p.archived ? "yes" : "no") },
  { header: "unit_price_minor", value: (p) => p.unitPrice },
  { header: "unit_cost_minor", value: (p) => p.unitCost },
  { header: "tax_rate_bps", value: (p) => p.taxRateBps },
  { header: "created_at", value: (p) => p.createdAt },
  { header: "updated_at", value: (p) => p.updatedAt },
];

export async function exportProducts(
  actor: Actor | null,
  query: ProductListQuery,
  ctx: RequestContext,
): Promise<{ filename: string; columns: CsvColumn<ProductJson>[]; pages: AsyncIterable<ProductJson[]> }> {
  requirePermission(actor, "products.read");
  await audit({
    action: "product.exported",
    actorId: actor.userId,
    targetType: "product",
    metadata: {
      q: query.q ?? null,
      active: query.active ?? null,
      archived: query.archived ?? "no",
      lowStock: query.low_stock === "yes",
      sort: formatSort(query.sort),
    },
    context: ctx,
  });
  // The whole list from its start, whatever page the person was looking at.
  const base = { ...query, cursor: undefined, total: false };
  const pages = keysetPages(async (cursor) => {
    const page = await listProducts(
      actor,
      { ...base, cursor: cursor ? (decodeCursor(cursor) ?? undefined) : undefined },
      { count: false, limit: EXPORT_PAGE_SIZE },
    );
    return { rows: page.items, nextCursor: page.nextCursor };
  });
  const day = new Date().toISOString().slice(0, 10);
  return { filename: `products-${day}.csv`, columns: PRODUCT_EXPORT_COLUMNS, pages };
}
