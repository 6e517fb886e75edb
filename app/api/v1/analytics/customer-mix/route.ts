import { analyticsGet } from "../analytics-get";
import { CUSTOMER_MIX_COLUMNS, type CustomerMixCsvRow } from "@/lib/data/analytics/analytics-csv-columns";
import { getCustomerMix } from "@/lib/data/analytics/get-customer-mix";

/**
 * GET /api/v1/analytics/customer-mix?from=&to=: new against returning customers (first sale in the
 * range or before it) and walk-in sales, with their revenue. `format=csv`: one row per segment (audited).
 */
export const GET = analyticsGet({
  report: "customer-mix",
  load: (actor, query) => getCustomerMix(actor, query),
  columns: CUSTOMER_MIX_COLUMNS,
  rows: (mix, query): CustomerMixCsvRow[] => [
    { segment: "new", customers: mix.newCustomers, sales: null, revenue: mix.newRevenue, currency: query.currency },
    { segment: "returning", customers: mix.returningCustomers, sales: null, revenue: mix.returningRevenue, currency: query.currency },
    { segment: "walk_in", customers: null, sales: mix.walkIns, revenue: mix.walkInRevenue, currency: query.currency },
  ],
});
