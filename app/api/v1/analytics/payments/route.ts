import { analyticsGet } from "../analytics-get";
import { PAYMENT_COLUMNS } from "@/lib/data/analytics/analytics-csv-columns";
import { getPaymentMix } from "@/lib/data/analytics/get-payment-mix";

/** GET /api/v1/analytics/payments?from=&to=: revenue and sales per payment method. `format=csv` (audited). */
export const GET = analyticsGet({
  report: "payments",
  load: (actor, query) => getPaymentMix(actor, query),
  columns: PAYMENT_COLUMNS,
  rows: (rows, query) => rows.map((r) => ({ ...r, currency: query.currency })),
});
