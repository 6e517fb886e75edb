// The currency a range's reports are in when the query names none: the one most sales in the
// range were made in, else USD. A page or API call resolves it once and passes it to every
// report, instead of each report asking the database again.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/rbac/can";
import { dominantCurrency } from "@/lib/data/analytics/report-scope";
import { rangeInstants } from "@/lib/data/analytics/zone-time";
import type { AnalyticsQuery } from "@/lib/validations/analytics";

export async function resolveReportCurrency(actor: Actor | null, query: AnalyticsQuery): Promise<AnalyticsQuery & { currency: string }> {
  requirePermission(actor, "analytics.read");
  if (query.currency) return { ...query, currency: query.currency };
  const { lo, hi } = rangeInstants({ from: query.from, to: query.to }, query.tz);
  return { ...query, currency: await dominantCurrency(lo, hi) };
}
