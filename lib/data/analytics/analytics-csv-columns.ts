// The CSV columns of each analytics report (GET /api/v1/analytics/<report>?format=csv, the
// "Download CSV" link beside each chart): the same rows as the JSON, money in integer minor units
// with the currency beside it, as in every other export.
import type { CsvColumn } from "@/lib/csv/csv-export";
import type {
  CustomerRow,
  HeatCell,
  KpiReport,
  Kpis,
  PaymentMixRow,
  ProductRow,
  SalesPoint,
  StaffRow,
  StockAlertRow,
  ZReport,
  ZReportTotals,
} from "@/lib/validations/analytics";

type WithCurrency<T> = T & { currency: string };

export type KpiCsvRow = { metric: keyof Kpis; current: number; previous: number | null; currency: string };

const KPI_ORDER: (keyof Kpis)[] = [
  "revenue",
  "transactions",
  "averageTicket",
  "units",
  "newCustomers",
  "refunds",
  "refundCount",
  "discounts",
  "tax",
  "grossMargin",
  "grossMarginRate",
];

export function kpiCsvRows(report: KpiReport): KpiCsvRow[] {
  return KPI_ORDER.map((metric) => ({
    metric,
    current: report.current[metric],
    previous: report.previous ? report.previous[metric] : null,
    currency: report.currency,
  }));
}

export const KPI_COLUMNS: CsvColumn<KpiCsvRow>[] = [
  { header: "metric", value: (r) => r.metric },
  { header: "current", value: (r) => r.current },
  { header: "previous", value: (r) => r.previous },
  { header: "currency", value: (r) => r.currency },
];

export const SALES_COLUMNS: CsvColumn<WithCurrency<SalesPoint>>[] = [
  { header: "bucket_start", value: (r) => r.start },
  { header: "currency", value: (r) => r.currency },
  { header: "revenue_minor", value: (r) => r.revenue },
  { header: "transactions", value: (r) => r.transactions },
  { header: "units", value: (r) => r.units },
  { header: "previous_revenue_minor", value: (r) => r.previousRevenue },
];

export const PRODUCT_COLUMNS: CsvColumn<WithCurrency<ProductRow>>[] = [
  { header: "product_id", value: (r) => r.productId },
  { header: "name", value: (r) => r.name },
  { header: "sku", value: (r) => r.sku },
  { header: "currency", value: (r) => r.currency },
  { header: "revenue_minor", value: (r) => r.revenue },
  { header: "units", value: (r) => r.units },
  { header: "cost_minor", value: (r) => r.cost },
  { header: "gross_margin_minor", value: (r) => r.grossMargin },
  { header: "gross_margin_rate", value: (r) => r.grossMarginRate },
];

export const CUSTOMER_COLUMNS: CsvColumn<WithCurrency<CustomerRow>>[] = [
  { header: "customer_id", value: (r) => r.customerId },
  { header: "name", value: (r) => r.name },
  { header: "currency", value: (r) => r.currency },
  { header: "revenue_minor", value: (r) => r.revenue },
  { header: "transactions", value: (r) => r.transactions },
];

export const STAFF_COLUMNS: CsvColumn<WithCurrency<StaffRow>>[] = [
  { header: "staff_id", value: (r) => r.staffId },
  { header: "name", value: (r) => r.name },
  { header: "currency", value: (r) => r.currency },
  { header: "revenue_minor", value: (r) => r.revenue },
  { header: "transactions", value: (r) => r.transactions },
  { header: "average_ticket_minor", value: (r) => r.averageTicket },
  { header: "refunds_minor", value: (r) => r.refunds },
  { header: "refund_count", value: (r) => r.refundCount },
  { header: "previous_revenue_minor", value: (r) => r.previousRevenue },
];

export const PAYMENT_COLUMNS: CsvColumn<WithCurrency<PaymentMixRow>>[] = [
  { header: "method", value: (r) => r.method },
  { header: "currency", value: (r) => r.currency },
  { header: "revenue_minor", value: (r) => r.revenue },
  { header: "transactions", value: (r) => r.transactions },
];

export type CustomerMixCsvRow = { segment: "new" | "returning" | "walk_in"; customers: number | null; sales: number | null; revenue: number; currency: string };

export const CUSTOMER_MIX_COLUMNS: CsvColumn<CustomerMixCsvRow>[] = [
  { header: "segment", value: (r) => r.segment },
  { header: "customers", value: (r) => r.customers },
  { header: "walk_in_sales", value: (r) => r.sales },
  { header: "currency", value: (r) => r.currency },
  { header: "revenue_minor", value: (r) => r.revenue },
];

export const HEATMAP_COLUMNS: CsvColumn<WithCurrency<HeatCell>>[] = [
  { header: "weekday", value: (r) => r.weekday },
  { header: "hour", value: (r) => r.hour },
  { header: "currency", value: (r) => r.currency },
  { header: "revenue_minor", value: (r) => r.revenue },
  { header: "transactions", value: (r) => r.transactions },
];

export const STOCK_ALERT_COLUMNS: CsvColumn<StockAlertRow>[] = [
  { header: "product_id", value: (r) => r.productId },
  { header: "name", value: (r) => r.name },
  { header: "sku", value: (r) => r.sku },
  { header: "quantity", value: (r) => r.quantity },
  { header: "threshold", value: (r) => r.threshold },
];

export type ZCsvRow = ZReportTotals & { staffId: string | null; name: string; date: string; currency: string };

export function zCsvRows(report: ZReport): ZCsvRow[] {
  const base = { date: report.date, currency: report.currency };
  return [
    ...report.staff.map((s) => ({ ...base, ...s })),
    { ...base, ...report.totals, staffId: null, name: "Total" },
  ];
}

const method = (r: ZReportTotals, m: string) => r.byMethod.find((b) => b.method === m)?.revenue ?? 0;

export const Z_COLUMNS: CsvColumn<ZCsvRow>[] = [
  { header: "date", value: (r) => r.date },
  { header: "staff_id", value: (r) => r.staffId },
  { header: "name", value: (r) => r.name },
  { header: "currency", value: (r) => r.currency },
  { header: "transactions", value: (r) => r.transactions },
  { header: "gross_minor", value: (r) => r.gross },
  { header: "discounts_minor", value: (r) => r.discounts },
  { header: "tax_minor", value: (r) => r.tax },
  { header: "refunds_minor", value: (r) => r.refunds },
  { header: "voids_minor", value: (r) => r.voids },
  { header: "net_minor", value: (r) => r.net },
  { header: "cash_minor", value: (r) => method(r, "cash") },
  { header: "card_minor", value: (r) => method(r, "card") },
  { header: "transfer_minor", value: (r) => method(r, "transfer") },
  { header: "other_minor", value: (r) => method(r, "other") },
];
