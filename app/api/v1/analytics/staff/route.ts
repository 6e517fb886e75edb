import { analyticsGet } from "../analytics-get";
import { STAFF_COLUMNS } from "@/lib/data/analytics/analytics-csv-columns";
import { getStaffPerformance } from "@/lib/data/analytics/get-staff-performance";

/**
 * GET /api/v1/analytics/staff?from=&to=: each staff member's revenue, sales, average ticket,
 * refunds and previous-period revenue. `format=csv` (audited).
 */
export const GET = analyticsGet({
  report: "staff",
  load: (actor, query) => getStaffPerformance(actor, query),
  columns: STAFF_COLUMNS,
  rows: (rows, query) => rows.map((r) => ({ ...r, currency: query.currency })),
});
