import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { BarChart3, ReceiptText } from "lucide-react";
import { AnalyticsToolbar } from "@/components/analytics/analytics-toolbar";
import { PRESET_LABELS, formatRange, isPreset, presetDates } from "@/components/analytics/analytics-format";
import { NewVsReturning, TopCustomers } from "@/components/analytics/customer-reports";
import { KpiCards } from "@/components/analytics/kpi-cards";
import { PaymentMix } from "@/components/analytics/payment-mix";
import { GrossMarginByProduct, TopProducts } from "@/components/analytics/product-reports";
import { csvHref } from "@/components/analytics/report-card";
import { MoneyFlow, RevenueOverTime } from "@/components/analytics/sales-charts";
import { SalesHeatmap } from "@/components/analytics/sales-heatmap";
import { StaffPerformance } from "@/components/analytics/staff-performance";
import { StockAlerts } from "@/components/analytics/stock-alerts";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { decodeTimeZoneCookie, TIME_ZONE_COOKIE } from "@/components/ui/time-zone";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { getCustomerMix } from "@/lib/data/analytics/get-customer-mix";
import { getKpis } from "@/lib/data/analytics/get-kpis";
import { getPaymentMix } from "@/lib/data/analytics/get-payment-mix";
import { getSalesHeatmap } from "@/lib/data/analytics/get-sales-heatmap";
import { getSalesSeries } from "@/lib/data/analytics/get-sales-series";
import { getStaffPerformance } from "@/lib/data/analytics/get-staff-performance";
import { getTopCustomers } from "@/lib/data/analytics/get-top-customers";
import { getTopProducts } from "@/lib/data/analytics/get-top-products";
import { listStockAlerts } from "@/lib/data/analytics/list-stock-alerts";
import {
  ANALYTICS_PRESETS,
  DEFAULT_ANALYTICS_PRESET,
  analyticsQueryToSearch,
  isTimeZone,
  parseAnalyticsQuery,
} from "@/lib/validations/analytics";

export const metadata: Metadata = { title: "Analytics" };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requirePagePermission("analytics.read");
  const params = await searchParams;
  // Without tz in the URL, the zone the browser told us last time (the picker adds it to the URL).
  const remembered = decodeTimeZoneCookie((await cookies()).get(TIME_ZONE_COOKIE)?.value) ?? "";
  const query = parseAnalyticsQuery({
    ...params,
    ...(first(params.tz) ? {} : isTimeZone(remembered) ? { tz: remembered } : {}),
  });
  const asked = first(params.preset);
  const custom = Boolean(first(params.from) || first(params.to));
  const preset = isPreset(asked) && !custom ? asked : custom ? null : DEFAULT_ANALYTICS_PRESET;

  const [kpis, series, byRevenue, byUnits, customers, staff, payments, mix, heat, stock] = await Promise.all([
    getKpis(viewer, query),
    getSalesSeries(viewer, query),
    getTopProducts(viewer, query, { sort: "revenue" }),
    getTopProducts(viewer, query, { sort: "units" }),
    getTopCustomers(viewer, query),
    getStaffPerformance(viewer, query),
    getPaymentMix(viewer, query),
    getCustomerMix(viewer, query),
    getSalesHeatmap(viewer, query),
    listStockAlerts(viewer, query, { limit: 50 }),
  ]);
  const currency = kpis.currency;
  // Links and downloads name the currency the page shows, so the CSV is the same table.
  const search = analyticsQueryToSearch({ ...query, currency });
  const csv = (report: string, extra?: Record<string, string>) => csvHref(report, search, extra);
  const now = new Date();
  const presets = ANALYTICS_PRESETS.map((p) => ({
    value: p,
    label: PRESET_LABELS[p],
    rangeLabel: formatRange(presetDates(p, now, query.tz)),
  }));
  const compare = kpis.previous !== null;
  const noSales = kpis.current.transactions === 0 && kpis.current.refunds === 0;
  const zReportHref = `/analytics/z-report?${new URLSearchParams({ date: kpis.range.to, tz: query.tz })}`;

  return (
    <>
      <PageHeader
        title="Analytics"
        description={`Sales, products, customers and staff in ${currency}, times in ${query.tz}.`}
        actions={
          <Link href={zReportHref} className={buttonClasses("secondary", "md")}>
            <ReceiptText className="size-4" aria-hidden="true" />
            End-of-day report
          </Link>
        }
      />
      <AnalyticsToolbar
        presets={presets}
        preset={preset}
        range={kpis.range}
        compare={compare}
        tz={query.tz}
        bucket={series.bucket}
        describeRange={
          compare
            ? `${formatRange(kpis.range)}, compared with ${formatRange(kpis.previousRange)}`
            : formatRange(kpis.range)
        }
      />
      <div className="space-y-6">
        <KpiCards report={kpis} />
        {noSales ? (
          <div className="rounded-xl border border-border bg-surface shadow-sm">
            <EmptyState
              icon={BarChart3}
              title="No sales in this range"
              description={`Nothing was sold between ${formatRange(kpis.range)}. Choose a longer range, or record a sale.`}
              action={
                <Link href="/analytics?preset=last_365_days" className={buttonClasses("secondary", "md")}>
                  Show the last 365 days
                </Link>
              }
            />
          </div>
        ) : (
          <>
            <RevenueOverTime series={series} kpis={kpis} csv={csv("sales")} />
            <div className="grid gap-6 lg:grid-cols-2">
              <TopProducts rows={byRevenue} by="revenue" currency={currency} csv={csv("products")} />
              <TopProducts rows={byUnits} by="units" currency={currency} csv={csv("products", { sort: "units" })} />
            </div>
            <StaffPerformance rows={staff} currency={currency} compare={compare} csv={csv("staff")} />
            <div className="grid gap-6 lg:grid-cols-2">
              <TopCustomers rows={customers} currency={currency} csv={csv("customers")} />
              <PaymentMix rows={payments} currency={currency} csv={csv("payments")} />
            </div>
            <div className="grid gap-6 lg:grid-cols-2">
              <NewVsReturning mix={mix} currency={currency} csv={csv("customer-mix")} />
              <MoneyFlow kpis={kpis} csv={csv("kpis")} />
            </div>
            <GrossMarginByProduct rows={byRevenue} currency={currency} csv={csv("products")} />
            <SalesHeatmap cells={heat} currency={currency} tz={query.tz} csv={csv("heatmap")} />
          </>
        )}
        <StockAlerts rows={stock} csv={csv("stock-alerts")} />
      </div>
    </>
  );
}
