// The analytics DAL against the hand-made shop of analytics-test-kit.ts. Every expected number is
// a literal worked out by hand from the kit's table (not recomputed by code), and the same file
// runs on SQLite and on PostgreSQL (TEST_DATABASE_PROVIDER=postgresql).
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { getCustomerMix } from "@/lib/data/analytics/get-customer-mix";
import { getKpis } from "@/lib/data/analytics/get-kpis";
import { getPaymentMix } from "@/lib/data/analytics/get-payment-mix";
import { getSalesHeatmap } from "@/lib/data/analytics/get-sales-heatmap";
import { getSalesSeries } from "@/lib/data/analytics/get-sales-series";
import { getStaffPerformance } from "@/lib/data/analytics/get-staff-performance";
import { getTopCustomers } from "@/lib/data/analytics/get-top-customers";
import { getTopProducts } from "@/lib/data/analytics/get-top-products";
import { getZReport } from "@/lib/data/analytics/get-z-report";
import { listStockAlerts } from "@/lib/data/analytics/list-stock-alerts";
import { seedAnalyticsFixture, type AnalyticsFixture } from "@/lib/data/analytics/analytics-test-kit";
import { parseAnalyticsQueryStrict, type AnalyticsQuery } from "@/lib/validations/analytics";
import { viewerWithPermissions, viewerWithRole } from "@/test/role-viewers";

let shop: AnalyticsFixture;
let manager: Viewer;
let reader: Viewer;

beforeAll(async () => {
  shop = await seedAnalyticsFixture();
  manager = await viewerWithRole("manager");
  reader = await viewerWithPermissions(["analytics.read"]);
});

/** The week of 2030-03-25 (Monday) to 2030-03-31 (Sunday, summer time starts) in Paris, XTS. */
const week = (extra: Record<string, string> = {}): AnalyticsQuery =>
  parseAnalyticsQueryStrict({ from: "2030-03-25", to: "2030-03-31", tz: "Europe/Paris", currency: "XTS", ...extra });

describe("getKpis", () => {
  it("adds up the week's sales and compares with the week before", async () => {
    const report = await getKpis(manager, week());
    expect(report.currency).toBe("XTS");
    expect(report.range).toEqual({ from: "2030-03-25", to: "2030-03-31" });
    expect(report.previousRange).toEqual({ from: "2030-03-18", to: "2030-03-24" });
    expect(report.current).toEqual({
      revenue: 7900,
      transactions: 3,
      averageTicket: 2633,
      units: 9,
      newCustomers: 1,
      refunds: 1200,
      refundCount: 1,
      discounts: 600,
      tax: 850,
      grossMargin: 3500,
      grossMarginRate: expect.closeTo(0.443038, 5),
    });
    expect(report.previous).toEqual({
      revenue: 1000,
      transactions: 1,
      averageTicket: 1000,
      units: 1,
      newCustomers: 1,
      refunds: 0,
      refundCount: 0,
      discounts: 0,
      tax: 200,
      grossMargin: 600,
      grossMarginRate: 0.6,
    });
  });

  it("cuts days at the zone's midnight: the same dates in UTC hold other sales", async () => {
    const utc = await getKpis(reader, week({ tz: "UTC", compare: "false" }));
    // T2, T3 and T5 (22:30 UTC on the 31st is already April in Paris); T1 was still the 24th in UTC.
    expect(utc.current).toMatchObject({ revenue: 6000, transactions: 3, units: 4, tax: 650 });
    expect(utc.previous).toBeNull();
  });

  it("counts a refund in the period it was given, not in the sale's", async () => {
    const next = await getKpis(manager, week({ from: "2030-04-01", to: "2030-04-07" }));
    expect(next.current).toMatchObject({ revenue: 1000, transactions: 1, refunds: 2000, refundCount: 1, newCustomers: 0 });
    expect(next.previous).toMatchObject({ revenue: 7900, transactions: 3, refunds: 1200 });
  });

  it("picks the currency most sales were made in when none is asked for", async () => {
    const report = await getKpis(manager, parseAnalyticsQueryStrict({ from: "2030-03-25", to: "2030-03-31", tz: "Europe/Paris" }));
    expect(report.currency).toBe("XTS");
    const platinum = await getKpis(manager, week({ currency: "XPT" }));
    expect(platinum.current).toMatchObject({ revenue: 7777, transactions: 1, units: 1, grossMargin: 7677 });
  });
});

describe("getSalesSeries", () => {
  it("gives one point per local day with the previous week's day beside it", async () => {
    const series = await getSalesSeries(manager, week({ bucket: "day" }));
    expect(series).toMatchObject({ currency: "XTS", bucket: "day", tz: "Europe/Paris" });
    expect(series.points).toEqual([
      { start: "2030-03-25", revenue: 2900, transactions: 1, units: 6, previousRevenue: 0 },
      { start: "2030-03-26", revenue: 0, transactions: 0, units: 0, previousRevenue: 0 },
      { start: "2030-03-27", revenue: 4500, transactions: 1, units: 1, previousRevenue: 1000 },
      { start: "2030-03-28", revenue: 0, transactions: 0, units: 0, previousRevenue: 0 },
      { start: "2030-03-29", revenue: 0, transactions: 0, units: 0, previousRevenue: 0 },
      { start: "2030-03-30", revenue: 0, transactions: 0, units: 0, previousRevenue: 0 },
      { start: "2030-03-31", revenue: 500, transactions: 1, units: 2, previousRevenue: 0 },
    ]);
  });

  it("buckets by Monday week and by month", async () => {
    const weekly = await getSalesSeries(manager, week({ bucket: "week" }));
    expect(weekly.points).toEqual([{ start: "2030-03-25", revenue: 7900, transactions: 3, units: 9, previousRevenue: 1000 }]);
    const monthly = await getSalesSeries(
      manager,
      parseAnalyticsQueryStrict({ from: "2030-03-01", to: "2030-04-30", tz: "Europe/Paris", currency: "XTS", bucket: "month" }),
    );
    expect(monthly.points).toEqual([
      { start: "2030-03-01", revenue: 8900, transactions: 4, units: 10, previousRevenue: 0 },
      { start: "2030-04-01", revenue: 1000, transactions: 1, units: 1, previousRevenue: 0 },
    ]);
    const plain = await getSalesSeries(manager, week({ bucket: "week", compare: "false" }));
    expect(plain.points[0]!.previousRevenue).toBeNull();
  });
});

describe("top lists, staff, payments, customer mix", () => {
  it("ranks products by revenue or units with their cost and margin", async () => {
    const { p1, p2, p3 } = shop.products;
    const byRevenue = await getTopProducts(manager, week());
    expect(byRevenue.map((r) => [r.productId, r.revenue, r.units, r.cost, r.grossMargin])).toEqual([
      [p3.id, 4500, 1, 3000, 1500],
      [p1.id, 2000, 2, 800, 1200],
      [p2.id, 1400, 6, 600, 800],
    ]);
    expect(byRevenue[0]).toMatchObject({ name: p3.name, sku: p3.sku, grossMarginRate: expect.closeTo(0.333333, 5) });
    expect(byRevenue[2]!.grossMarginRate).toBeCloseTo(0.571429, 5);
    const byUnits = await getTopProducts(manager, week(), { sort: "units" });
    expect(byUnits.map((r) => r.productId)).toEqual([p2.id, p1.id, p3.id]);
    expect((await getTopProducts(manager, week({ limit: "2" }))).map((r) => r.productId)).toEqual([p3.id, p1.id]);
  });

  it("ranks customers, leaving walk-ins and voided sales out", async () => {
    expect(await getTopCustomers(manager, week())).toEqual([
      { customerId: shop.customers.c2.id, name: shop.customers.c2.name, revenue: 4500, transactions: 1 },
      { customerId: shop.customers.c1.id, name: shop.customers.c1.name, revenue: 2900, transactions: 1 },
    ]);
  });

  it("reports each staff member's revenue, average ticket, refunds and previous revenue", async () => {
    expect(await getStaffPerformance(manager, week())).toEqual([
      {
        staffId: shop.staff.two.id,
        name: shop.staff.two.name,
        revenue: 4500,
        transactions: 1,
        averageTicket: 4500,
        refunds: 0,
        refundCount: 0,
        previousRevenue: 0,
      },
      {
        staffId: shop.staff.one.id,
        name: shop.staff.one.name,
        revenue: 3400,
        transactions: 2,
        averageTicket: 1700,
        refunds: 1200,
        refundCount: 1,
        previousRevenue: 1000,
      },
    ]);
  });

  it("splits revenue by payment method", async () => {
    expect(await getPaymentMix(manager, week())).toEqual([
      { method: "cash", revenue: 4500, transactions: 1 },
      { method: "card", revenue: 3400, transactions: 2 },
      { method: "transfer", revenue: 0, transactions: 0 },
      { method: "other", revenue: 0, transactions: 0 },
    ]);
  });

  it("tells new from returning customers and counts walk-ins", async () => {
    expect(await getCustomerMix(manager, week())).toEqual({
      newCustomers: 1,
      returningCustomers: 1,
      walkIns: 1,
      newRevenue: 4500,
      returningRevenue: 2900,
      walkInRevenue: 500,
    });
  });
});

describe("getSalesHeatmap", () => {
  it("places sales by local weekday and hour, on both sides of the clock change", async () => {
    expect(await getSalesHeatmap(manager, week())).toEqual([
      { weekday: 1, hour: 0, revenue: 2900, transactions: 1 },
      { weekday: 3, hour: 14, revenue: 4500, transactions: 1 },
      { weekday: 7, hour: 23, revenue: 500, transactions: 1 },
    ]);
    expect(await getSalesHeatmap(manager, week({ tz: "UTC" }))).toEqual([
      { weekday: 3, hour: 13, revenue: 4500, transactions: 1 },
      { weekday: 7, hour: 21, revenue: 500, transactions: 1 },
      { weekday: 7, hour: 22, revenue: 1000, transactions: 1 },
    ]);
  });
});

describe("listStockAlerts", () => {
  it("lists active products at or below their threshold", async () => {
    const alerts = (await listStockAlerts(manager)).filter((a) => a.sku.startsWith(shop.marker.toUpperCase()));
    const { p1, p3 } = shop.products;
    expect(alerts).toEqual([
      { productId: p1.id, name: p1.name, sku: p1.sku, quantity: 3, threshold: 5 },
      { productId: p3.id, name: p3.name, sku: p3.sku, quantity: 0, threshold: 0 },
    ]);
  });
});

describe("getZReport", () => {
  const z = (date: string, staffId?: string) =>
    getZReport(manager, { date, tz: "Europe/Paris", currency: "XTS", ...(staffId ? { staffId } : {}) });

  it("closes a day of one sale paid in cash", async () => {
    const report = await z("2030-03-27");
    const totals = { transactions: 1, gross: 5000, discounts: 500, tax: 450, refunds: 0, voids: 0, net: 4950, byMethod: [{ method: "cash", revenue: 4950, transactions: 1 }] };
    expect(report).toEqual({
      date: "2030-03-27",
      tz: "Europe/Paris",
      currency: "XTS",
      staff: [{ staffId: shop.staff.two.id, name: shop.staff.two.name, ...totals }],
      totals,
    });
  });

  it("shows voids, refunds given that day and a line discount", async () => {
    const voidDay = await z("2030-03-28");
    expect(voidDay.staff.map((s) => [s.staffId, s.transactions, s.voids, s.net])).toEqual([[shop.staff.two.id, 0, 1200, 0]]);
    expect(voidDay.totals).toEqual({ transactions: 0, gross: 0, discounts: 0, tax: 0, refunds: 0, voids: 1200, net: 0, byMethod: [] });
    const refundDay = await z("2030-03-26");
    expect(refundDay.staff.map((s) => [s.staffId, s.refunds, s.net])).toEqual([[shop.staff.one.id, 1200, -1200]]);
    expect(refundDay.totals).toMatchObject({ transactions: 0, refunds: 1200, net: -1200 });
    const monday = await z("2030-03-25");
    expect(monday.totals).toEqual({
      transactions: 1,
      gross: 3000,
      discounts: 100,
      tax: 400,
      refunds: 0,
      voids: 0,
      net: 3300,
      byMethod: [{ method: "card", revenue: 3300, transactions: 1 }],
    });
  });

  it("keeps a day to its own 23 hours when summer time starts, and filters by staff member", async () => {
    const sunday = await z("2030-03-31");
    expect(sunday.totals).toMatchObject({ transactions: 1, gross: 500, net: 500 });
    expect((await z("2030-04-01")).totals).toMatchObject({ transactions: 1, gross: 1000, tax: 200, net: 1200 });
    const other = await z("2030-03-25", shop.staff.two.id);
    expect(other.staff).toEqual([]);
    expect(other.totals).toMatchObject({ transactions: 0, gross: 0, net: 0 });
  });
});

describe("authorization", () => {
  it("refuses everyone without analytics.read, and nobody signed in", async () => {
    const staff = await viewerWithRole("staff");
    const query = week();
    const calls = [
      (a: Viewer | null) => getKpis(a, query),
      (a: Viewer | null) => getSalesSeries(a, query),
      (a: Viewer | null) => getTopProducts(a, query),
      (a: Viewer | null) => getTopCustomers(a, query),
      (a: Viewer | null) => getStaffPerformance(a, query),
      (a: Viewer | null) => getPaymentMix(a, query),
      (a: Viewer | null) => getCustomerMix(a, query),
      (a: Viewer | null) => getSalesHeatmap(a, query),
      (a: Viewer | null) => listStockAlerts(a, query),
      (a: Viewer | null) => getZReport(a, { date: "2030-03-27", tz: "UTC" }),
    ];
    for (const call of calls) {
      await expect(call(staff)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(call(null)).rejects.toBeInstanceOf(UnauthenticatedError);
    }
  });
});
