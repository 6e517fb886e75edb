import { analyticsGet } from "../analytics-get";
import { CUSTOMER_COLUMNS } from "@/lib/data/analytics/analytics-csv-columns";
import { getTopCustomers } from "@/lib/data/analytics/get-top-customers";

/** GET /api/v1/analytics/customers?from=&to=&limit=: the customers who bought most. `format=csv` (audited). */
export const GET = analyticsGet({
  report: "customers",
  load: (actor, query) => getTopCustomers(actor, query),
  columns: CUSTOMER_COLUMNS,
  rows: (rows, query) => rows.map((r) => ({ ...r, currency: query.currency })),
});
