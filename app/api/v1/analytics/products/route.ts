import { analyticsGet } from "../analytics-get";
import { PRODUCT_COLUMNS } from "@/lib/data/analytics/analytics-csv-columns";
import { getTopProducts } from "@/lib/data/analytics/get-top-products";
import { ValidationError } from "@/lib/errors";
import { PRODUCT_SORTS, type ProductSort } from "@/lib/validations/analytics";

function sortOf(params: URLSearchParams): ProductSort {
  const value = params.get("sort");
  if (value === null || value === "") return "revenue";
  if ((PRODUCT_SORTS as readonly string[]).includes(value)) return value as ProductSort;
  throw new ValidationError({ sort: ["Sort by revenue or units."] });
}

/**
 * GET /api/v1/analytics/products?from=&to=&sort=revenue|units&limit=: the best-selling products
 * with revenue, units, cost at sale time and gross margin. `format=csv` (audited).
 */
export const GET = analyticsGet({
  report: "products",
  load: (actor, query, params) => getTopProducts(actor, query, { sort: sortOf(params) }),
  columns: PRODUCT_COLUMNS,
  rows: (rows, query) => rows.map((r) => ({ ...r, currency: query.currency })),
});
