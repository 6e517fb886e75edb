// Records that someone downloaded an analytics report as CSV (analytics.exported): which report
// and the query it covered. Reports read nothing secret, but a download takes business figures out
// of the application, which the activity log should show like every other export.
import "server-only";
import { audit } from "@/lib/audit/audit";
import { actorContext, type Actor } from "@/lib/auth/actor";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";

export const ANALYTICS_REPORTS = [
  "kpis",
  "sales",
  "products",
  "customers",
  "staff",
  "payments",
  "customer-mix",
  "heatmap",
  "stock-alerts",
  "z-report",
] as const;
export type AnalyticsReport = (typeof ANALYTICS_REPORTS)[number];

export async function auditAnalyticsExport(
  actor: Actor | null,
  report: AnalyticsReport,
  details: Record<string, string | number | boolean | null>,
  ctx: RequestContext,
): Promise<void> {
  requirePermission(actor, "analytics.read");
  await audit({
    action: "analytics.exported",
    actorId: actor.userId,
    targetType: "analytics_report",
    targetId: report,
    targetName: report,
    metadata: { report, ...details },
    context: { ...ctx, ...actorContext(actor) },
  });
}
