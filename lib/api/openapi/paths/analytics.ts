// OpenAPI operations of /api/v1/analytics/*. The query parameters are those of
// lib/validations/analytics.ts (parsed there); the response schemas below describe its report
// types, and the type checks at the end fail `tsc` when one drifts from the other.
import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import { errorResponses } from "@/lib/api/openapi/shared";
import {
  ANALYTICS_BUCKETS,
  ANALYTICS_PRESETS,
  MAX_RANGE_DAYS,
  MAX_TOP_LIMIT,
  PAYMENT_METHODS,
  PRODUCT_SORTS,
  type CustomerMix,
  type CustomerRow,
  type HeatCell,
  type KpiReport,
  type PaymentMixRow,
  type ProductRow,
  type SalesSeries,
  type StaffRow,
  type StockAlertRow,
  type ZReport,
} from "@/lib/validations/analytics";

const money = (description: string) => z.number().int().meta({ description: `${description} (integer minor units of the currency).` });
const count = (description: string) => z.number().int().meta({ description });
const date = (description: string, example: string) => z.string().meta({ description, example });

const format = z
  .enum(["json", "csv"])
  .optional()
  .meta({ description: "`csv` downloads the same rows as text/csv (attachment; audited as analytics.exported).", example: "json" });

const rangeQuery = z.object({
  preset: z
    .enum(ANALYTICS_PRESETS)
    .optional()
    .meta({ description: "A named range ending today in `tz` (instead of from/to). Default `last_30_days`.", example: "last_30_days" }),
  from: date("First day of the range, YYYY-MM-DD in `tz` (inclusive).", "2026-11-01").optional(),
  to: date(`Last day of the range, YYYY-MM-DD in \`tz\` (inclusive; default today). At most ${MAX_RANGE_DAYS} days.`, "2026-11-30").optional(),
  tz: z.string().optional().meta({ description: "IANA time zone the days are cut in (default UTC).", example: "America/New_York" }),
  bucket: z
    .enum(ANALYTICS_BUCKETS)
    .optional()
    .meta({ description: "Day, Monday week or month (default chosen from the range's length).", example: "day" }),
  currency: z
    .string()
    .optional()
    .meta({ description: "ISO 4217 code; default: the currency most sales in the range were made in, else USD.", example: "USD" }),
  compare: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "Also report the same number of days just before the range (default true).", example: "true" }),
  limit: z.string().optional().meta({ description: `Rows of a top list, 1–${MAX_TOP_LIMIT} (default 10).`, example: "10" }),
  format,
});

const periodSchema = z.object({ from: z.string().meta({ example: "2026-11-01" }), to: z.string().meta({ example: "2026-11-30" }) });

const metaSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    tz: z.string(),
    currency: z.string().meta({ description: "The currency every amount is in." }),
    compare: z.boolean(),
    previous: periodSchema.nullable().meta({ description: "The previous period, when compared." }),
  })
  .meta({ id: "AnalyticsMeta" });

const kpisSchema = z
  .object({
    revenue: money("Sales after discounts, before tax"),
    transactions: count("Sales (completed, partially refunded or refunded; voided ones are not sales)."),
    averageTicket: money("Revenue per sale, rounded"),
    units: count("Units sold."),
    newCustomers: count("Customer records created in the range."),
    refunds: money("Money refunded in the range, whenever the sale was"),
    refundCount: count("Refunds given in the range."),
    discounts: money("Line and order discounts"),
    tax: money("Tax charged"),
    grossMargin: money("Revenue less the units' cost at sale time"),
    grossMarginRate: z.number().meta({ description: "Gross margin ÷ revenue (0 when there is no revenue).", example: 0.58 }),
  })
  .meta({ id: "AnalyticsKpis" });

const kpiReportSchema = z
  .object({ currency: z.string(), range: periodSchema, previousRange: periodSchema, current: kpisSchema, previous: kpisSchema.nullable() })
  .meta({ id: "AnalyticsKpiReport" });

const salesSeriesSchema = z
  .object({
    currency: z.string(),
    bucket: z.enum(ANALYTICS_BUCKETS),
    tz: z.string(),
    points: z.array(
      z.object({
        start: z.string().meta({ description: "The bucket's first day in the range (YYYY-MM-DD in tz).", example: "2026-11-02" }),
        revenue: money("Revenue"),
        transactions: count("Sales."),
        units: count("Units sold."),
        previousRevenue: money("Revenue of the matching bucket of the previous period").nullable(),
      }),
    ),
  })
  .meta({ id: "AnalyticsSalesSeries" });

const productRowSchema = z
  .object({
    productId: z.string(),
    name: z.string(),
    sku: z.string(),
    revenue: money("Revenue"),
    units: count("Units sold."),
    cost: money("Units × unit cost at sale time"),
    grossMargin: money("Revenue − cost"),
    grossMarginRate: z.number(),
  })
  .meta({ id: "AnalyticsProductRow" });

const customerRowSchema = z
  .object({ customerId: z.string(), name: z.string(), revenue: money("Revenue"), transactions: count("Sales.") })
  .meta({ id: "AnalyticsCustomerRow" });

const staffRowSchema = z
  .object({
    staffId: z.string(),
    name: z.string(),
    revenue: money("Revenue"),
    transactions: count("Sales."),
    averageTicket: money("Revenue per sale"),
    refunds: money("Refunds given in the range on their sales"),
    refundCount: count("Refunds given in the range on their sales."),
    previousRevenue: money("Revenue in the previous period").nullable(),
  })
  .meta({ id: "AnalyticsStaffRow" });

const paymentRowSchema = z
  .object({ method: z.enum(PAYMENT_METHODS), revenue: money("Revenue (Z report: money taken, tax included)"), transactions: count("Sales.") })
  .meta({ id: "AnalyticsPaymentRow" });

const customerMixSchema = z
  .object({
    newCustomers: count("Customers whose first sale ever is in the range."),
    returningCustomers: count("Customers who had bought before the range."),
    walkIns: count("Sales without a customer."),
    newRevenue: money("Revenue from new customers"),
    returningRevenue: money("Revenue from returning customers"),
    walkInRevenue: money("Revenue from walk-in sales"),
  })
  .meta({ id: "AnalyticsCustomerMix" });

const heatCellSchema = z
  .object({
    weekday: z.number().int().meta({ description: "1 = Monday … 7 = Sunday, in tz.", example: 6 }),
    hour: z.number().int().meta({ description: "Local hour 0–23.", example: 8 }),
    revenue: money("Revenue"),
    transactions: count("Sales."),
  })
  .meta({ id: "AnalyticsHeatCell" });

const stockAlertSchema = z
  .object({ productId: z.string(), name: z.string(), sku: z.string(), quantity: count("In stock now."), threshold: count("Low-stock threshold.") })
  .meta({ id: "AnalyticsStockAlert" });

const zTotalsShape = {
  transactions: count("Sales made that day."),
  gross: money("Units × list price"),
  discounts: money("Line and order discounts"),
  tax: money("Tax charged"),
  refunds: money("Refunds given that day"),
  voids: money("Value of that day's sales since voided"),
  net: money("gross − discounts + tax − refunds"),
  byMethod: z.array(paymentRowSchema),
};
const zReportSchema = z
  .object({
    date: z.string(),
    tz: z.string(),
    currency: z.string(),
    staff: z.array(z.object({ staffId: z.string(), name: z.string(), ...zTotalsShape })),
    totals: z.object(zTotalsShape),
  })
  .meta({ id: "AnalyticsZReport" });

const csvContent = (example: string) => ({ "text/csv": { schema: z.string().meta({ example }) } });

function rangeOperation(options: {
  id: string;
  summary: string;
  description: string;
  data: z.ZodType;
  csv: string;
  query?: z.ZodObject;
}): ZodOpenApiOperationObject {
  return {
    operationId: options.id,
    tags: ["Analytics"],
    summary: options.summary,
    description: options.description,
    "x-permission": "analytics.read",
    requestParams: { query: options.query ?? rangeQuery },
    responses: {
      "200": {
        description: "The report, or with `format=csv` the same rows as a CSV download.",
        content: {
          "application/json": { schema: z.object({ data: options.data, meta: metaSchema }) },
          ...csvContent(options.csv),
        },
      },
      ...errorResponses(401, 403, 422),
    },
  };
}

export const analyticsPaths: ZodOpenApiPathsObject = {
  "/api/v1/analytics/kpis": {
    get: rangeOperation({
      id: "getAnalyticsKpis",
      summary: "Headline figures",
      description: "Revenue, sales, average ticket, units, new customers, refunds, discounts, tax and gross margin, with the previous period.",
      data: kpiReportSchema,
      csv: "metric,current,previous,currency\r\nrevenue,31325256,29800000,USD\r\n",
    }),
  },
  "/api/v1/analytics/sales": {
    get: rangeOperation({
      id: "getAnalyticsSales",
      summary: "Sales over time",
      description: "Revenue, sales and units per local day, Monday week or month, with the previous period's revenue at the same offset.",
      data: salesSeriesSchema,
      csv: "bucket_start,currency,revenue_minor,transactions,units,previous_revenue_minor\r\n2026-11-02,USD,91234,44,97,88120\r\n",
    }),
  },
  "/api/v1/analytics/products": {
    get: rangeOperation({
      id: "getAnalyticsProducts",
      summary: "Top products",
      description: "The best-selling products by revenue (default) or units, with cost at sale time and gross margin.",
      data: z.array(productRowSchema),
      query: rangeQuery.extend({
        sort: z.enum(PRODUCT_SORTS).optional().meta({ description: "`revenue` (default) or `units`.", example: "revenue" }),
      }),
      csv: "product_id,name,sku,currency,revenue_minor,units,cost_minor,gross_margin_minor,gross_margin_rate\r\n",
    }),
  },
  "/api/v1/analytics/customers": {
    get: rangeOperation({
      id: "getAnalyticsCustomers",
      summary: "Top customers",
      description: "The customers who bought most in the range (walk-in sales are not anyone's).",
      data: z.array(customerRowSchema),
      csv: "customer_id,name,currency,revenue_minor,transactions\r\n",
    }),
  },
  "/api/v1/analytics/staff": {
    get: rangeOperation({
      id: "getAnalyticsStaff",
      summary: "Staff performance",
      description: "Each staff member's revenue, sales, average ticket, refunds on their sales and previous-period revenue.",
      data: z.array(staffRowSchema),
      csv: "staff_id,name,currency,revenue_minor,transactions,average_ticket_minor,refunds_minor,refund_count,previous_revenue_minor\r\n",
    }),
  },
  "/api/v1/analytics/payments": {
    get: rangeOperation({
      id: "getAnalyticsPayments",
      summary: "Payment-method mix",
      description: "Revenue and sales per payment method (every method listed).",
      data: z.array(paymentRowSchema),
      csv: "method,currency,revenue_minor,transactions\r\ncard,USD,1939000,9950\r\n",
    }),
  },
  "/api/v1/analytics/customer-mix": {
    get: rangeOperation({
      id: "getAnalyticsCustomerMix",
      summary: "New and returning customers",
      description: "Customers whose first sale is in the range against those who bought before it, and walk-in sales.",
      data: customerMixSchema,
      csv: "segment,customers,walk_in_sales,currency,revenue_minor\r\nnew,120,,USD,410000\r\n",
    }),
  },
  "/api/v1/analytics/heatmap": {
    get: rangeOperation({
      id: "getAnalyticsHeatmap",
      summary: "Sales by weekday and hour",
      description: "Revenue and sales per local weekday and hour; only cells with sales.",
      data: z.array(heatCellSchema),
      csv: "weekday,hour,currency,revenue_minor,transactions\r\n6,8,USD,120400,61\r\n",
    }),
  },
  "/api/v1/analytics/stock-alerts": {
    get: {
      operationId: "getAnalyticsStockAlerts",
      tags: ["Analytics"],
      summary: "Stock alerts",
      description: "Active products at or below their low-stock threshold, as they are now (at most 200).",
      "x-permission": "analytics.read",
      requestParams: { query: z.object({ format }) },
      responses: {
        "200": {
          description: "The products, or with `format=csv` a CSV download.",
          content: {
            "application/json": { schema: z.object({ data: z.array(stockAlertSchema) }) },
            ...csvContent("product_id,name,sku,quantity,threshold\r\n"),
          },
        },
        ...errorResponses(401, 403, 422),
      },
    },
  },
  "/api/v1/analytics/z-report": {
    get: {
      operationId: "getAnalyticsZReport",
      tags: ["Analytics"],
      summary: "End-of-day (Z) report",
      description:
        "One local day per staff member and in total: sales, gross, discounts, tax, refunds given that day, voids, net and " +
        "money taken per payment method (tax included).",
      "x-permission": "analytics.read",
      requestParams: {
        query: z.object({
          date: date("The day, YYYY-MM-DD in tz (default today).", "2026-11-28").optional(),
          tz: rangeQuery.shape.tz,
          currency: rangeQuery.shape.currency,
          staffId: z.string().optional().meta({ description: "Only this staff member." }),
          format,
        }),
      },
      responses: {
        "200": {
          description: "The report, or with `format=csv` one row per staff member and a Total row.",
          content: {
            "application/json": { schema: z.object({ data: zReportSchema }) },
            ...csvContent("date,staff_id,name,currency,transactions,gross_minor,discounts_minor,tax_minor,refunds_minor,voids_minor,net_minor,cash_minor,card_minor,transfer_minor,other_minor\r\n"),
          },
        },
        ...errorResponses(401, 403, 422),
      },
    },
  },
};

// The documented shapes are the report types, both ways (a field added to one and not the other fails here).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
export type AnalyticsSchemaChecks = [
  Check<Same<z.infer<typeof kpiReportSchema>, KpiReport>>,
  Check<Same<z.infer<typeof salesSeriesSchema>, SalesSeries>>,
  Check<Same<z.infer<typeof productRowSchema>, ProductRow>>,
  Check<Same<z.infer<typeof customerRowSchema>, CustomerRow>>,
  Check<Same<z.infer<typeof staffRowSchema>, StaffRow>>,
  Check<Same<z.infer<typeof paymentRowSchema>, PaymentMixRow>>,
  Check<Same<z.infer<typeof customerMixSchema>, CustomerMix>>,
  Check<Same<z.infer<typeof heatCellSchema>, HeatCell>>,
  Check<Same<z.infer<typeof stockAlertSchema>, StockAlertRow>>,
  Check<Same<z.infer<typeof zReportSchema>, ZReport>>,
];
