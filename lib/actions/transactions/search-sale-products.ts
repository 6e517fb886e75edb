"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { listProducts } from "@/lib/data/products/list-products";
import { parseProductListQuery } from "@/lib/validations/product-list-query";

export type SaleProduct = {
  id: string;
  sku: string;
  name: string;
  unitPrice: number;
  currency: string;
  taxRateBps: number;
  stock: number;
};

/** The "New sale" product picker: active, unarchived products whose SKU or name matches. */
export async function searchSaleProductsAction(q: string): Promise<ActionResult<SaleProduct[]>> {
  return runAction("transactions-search-products", async () => {
    const query = parseProductListQuery({ q: String(q ?? "").slice(0, 100), active: "yes", limit: "10" });
    const page = await listProducts(await getViewer(), query, { count: false });
    return page.items.map((p) => ({
      id: p.id,
      sku: p.sku,
      name: p.name,
      unitPrice: p.unitPrice,
      currency: p.currency,
      taxRateBps: p.taxRateBps,
      stock: p.stock,
    }));
  });
}
