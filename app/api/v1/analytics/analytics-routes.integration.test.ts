// HTTP tests of GET /api/v1/analytics/*: each report through its route handler with an API key,
// against the hand-made shop of lib/data/analytics/analytics-test-kit.ts (figures worked out by
// hand there), plus 401/403/422, injection-shaped parameters (4xx, never 500) and the CSV download.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as customerMixGet } from "./customer-mix/route";
import { GET as customersGet } from "./customers/route";
import { GET as heatmapGet } from "./heatmap/route";
import { GET as kpisGet } from "./kpis/route";
import { GET as paymentsGet } from "./payments/route";
import { GET as productsGet } from "./products/route";
import { GET as salesGet } from "./sales/route";
import { GET as staffGet } from "./staff/route";
import { GET as stockAlertsGet } from "./stock-alerts/route";
import { GET as zReportGet } from "./z-report/route";
import { seedAnalyticsFixture, seedFormulaSale, type AnalyticsFixture } from "@/lib/data/analytics/analytics-test-kit";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";
import { lastAudit } from "@/test/user-admin";

type Handler = Parameters<typeof callRoute>[0];

const ROUTES: [string, Handler][] = [
  ["kpis", kpisGet],
  ["sales", salesGet],
  ["products", productsGet],
  ["customers", customersGet],
  ["staff", staffGet],
  ["payments", paymentsGet],
  ["customer-mix", customerMixGet],
  ["heatmap", heatmapGet],
  ["stock-alerts", stockAlertsGet],
  ["z-report", zReportGet],
];

const WEEK = { from: "2030-03-25", to: "2030-03-31", tz: "Europe/Paris", currency: "XTS" };

let shop: AnalyticsFixture;
let key: string;
let ownerId: string;
let noAnalytics: string;
let revoked: string;
let formula: Awaited<ReturnType<typeof seedFormulaSale>>;

beforeAll(async () => {
  shop = await seedAnalyticsFixture();
  const manager = await createTestUser({ role: "manager" });
  ownerId = manager.id;
  key = (await apiKeyFor(manager.id, ["analytics.read"])).key;
  noAnalytics = (await apiKeyFor(manager.id, ["customers.read", "products.read", "transactions.read"])).key;
  revoked = (await apiKeyFor(manager.id, ["analytics.read"], { revokedAt: new Date() })).key;
  formula = await seedFormulaSale(shop.staff.one.id);
});

/** `k` null: no credentials at all. */
const get = (
  handler: Handler,
  name: string,
  query: Record<string, string> = {},
  k: string | null = key,
  headers: Record<string, string> = {},
) => callRoute(handler, "GET", `/api/v1/analytics/${name}`, { ...(k ? { key: k } : {}), query, headers });

describe("GET /api/v1/analytics/sales", () => {
  it("answers the series of the asked range and bucket with its meta", async () => {
    const res = await get(salesGet, "sales", { ...WEEK, bucket: "week" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.body).toEqual({
      data: {
        currency: "XTS",
        bucket: "week",
        tz: "Europe/Paris",
        points: [{ start: "2030-03-25", revenue: 7900, transactions: 3, units: 9, previousRevenue: 1000 }],
      },
      meta: {
        from: "2030-03-25",
        to: "2030-03-31",
        tz: "Europe/Paris",
        currency: "XTS",
        compare: true,
        previous: { from: "2030-03-18", to: "2030-03-24" },
      },
    });
    const daily = await get(salesGet, "sales", { ...WEEK, bucket: "day", compare: "false" });
    expect(daily.body.data.points.map((p: { revenue: number }) => p.revenue)).toEqual([2900, 0, 4500, 0, 0, 0, 500]);
    expect(daily.body.meta.previous).toBeNull();
  });
});

describe("GET /api/v1/analytics/staff and /products", () => {
  it("answers staff performance", async () => {
    const res = await get(staffGet, "staff", WEEK);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { staffId: string; revenue: number; refunds: number; previousRevenue: number }) => [r.staffId, r.revenue, r.refunds, r.previousRevenue])).toEqual([
      [shop.staff.two.id, 4500, 0, 0],
      [shop.staff.one.id, 3400, 1200, 1000],
    ]);
  });

  it("answers top products by revenue or units, and 422 for another sort", async () => {
    const { p1, p2, p3 } = shop.products;
    const byRevenue = await get(productsGet, "products", WEEK);
    expect(byRevenue.body.data.map((r: { productId: string; revenue: number }) => [r.productId, r.revenue])).toEqual([
      [p3.id, 4500],
      [p1.id, 2000],
      [p2.id, 1400],
    ]);
    const byUnits = await get(productsGet, "products", { ...WEEK, sort: "units", limit: "1" });
    expect(byUnits.body.data.map((r: { productId: string; units: number }) => [r.productId, r.units])).toEqual([[p2.id, 6]]);
    const bad = await get(productsGet, "products", { ...WEEK, sort: "price; DROP TABLE \"Product\"" });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ field: "sort", message: "Sort by revenue or units." }]);
  });
});

describe("every analytics route", () => {
  it("answers 200 JSON to a key with analytics.read", async () => {
    for (const [name, handler] of ROUTES) {
      const res = await get(handler, name, name === "z-report" ? { date: "2030-03-27", tz: "Europe/Paris", currency: "XTS" } : WEEK);
      expect(res.status, name).toBe(200);
      expect(res.body.data, name).toBeDefined();
    }
    expect((await get(kpisGet, "kpis", WEEK)).body.data.current).toMatchObject({ revenue: 7900, transactions: 3, refunds: 1200 });
    expect((await get(customerMixGet, "customer-mix", WEEK)).body.data).toEqual({
      newCustomers: 1,
      returningCustomers: 1,
      walkIns: 1,
      newRevenue: 4500,
      returningRevenue: 2900,
      walkInRevenue: 500,
    });
    expect((await get(zReportGet, "z-report", { date: "2030-03-27", tz: "Europe/Paris", currency: "XTS" })).body.data.totals).toMatchObject({
      transactions: 1,
      gross: 5000,
      net: 4950,
    });
  });

  it("answers 401 without a key or with a revoked one, 403 to a key without analytics.read", async () => {
    for (const [name, handler] of ROUTES) {
      const none = await get(handler, name, {}, null);
      expect(none.status, name).toBe(401);
      expect(none.headers.get("content-type"), name).toMatch(/application\/problem\+json/);
      expect((await get(handler, name, {}, revoked)).status, name).toBe(401);
      const forbidden = await get(handler, name, {}, noAnalytics);
      expect(forbidden.status, name).toBe(403);
      expect(forbidden.body.code, name).toBe("forbidden");
    }
  });

  it("answers 422 naming the parameter for bad dates, zones, buckets, ranges and formats", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ from: "2030-02-30" }, "from"],
      [{ to: "yesterday" }, "to"],
      [{ from: "2030-03-02", to: "2030-03-01" }, "to"],
      [{ from: "2027-01-01", to: "2030-01-01" }, "to"],
      [{ tz: "Mars/Olympus" }, "tz"],
      [{ bucket: "hour" }, "bucket"],
      [{ preset: "forever" }, "preset"],
      [{ limit: "0" }, "limit"],
      [{ compare: "perhaps" }, "compare"],
      [{ format: "xml" }, "format"],
    ];
    for (const [name, handler] of ROUTES) {
      if (name === "z-report" || name === "stock-alerts") continue;
      for (const [query, field] of cases) {
        const res = await get(handler, name, query);
        expect(res.status, `${name} ${JSON.stringify(query)}`).toBe(422);
        expect(res.body.errors.map((e: { field: string }) => e.field), `${name} ${JSON.stringify(query)}`).toContain(field);
      }
    }
    for (const [query, field] of [
      [{ date: "2030-13-01" }, "date"],
      [{ tz: "Nowhere" }, "tz"],
      [{ format: "pdf" }, "format"],
    ] as const) {
      const res = await get(zReportGet, "z-report", query);
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await get(stockAlertsGet, "stock-alerts", { format: "html" })).status).toBe(422);
  });

  it("answers 4xx, never 500, to injection-shaped values", async () => {
    const values = [
      "' OR '1'='1",
      "2030-03-01'; DROP TABLE \"Transaction\"; --",
      "Europe/Paris' UNION SELECT \"passwordHash\" FROM \"User\" --",
      "$(reboot)",
      "%00",
      "\u0000",
      "../../etc/passwd",
      "<script>alert(1)</script>",
      "x".repeat(5000),
    ];
    const params = ["from", "to", "tz", "bucket", "currency", "compare", "limit", "staffId", "preset", "date", "format", "sort"];
    for (const [name, handler] of ROUTES) {
      // ~100 requests per route: a key and an address of its own keep them inside the read budgets.
      const routeKey = (await apiKeyFor(ownerId, ["analytics.read"])).key;
      const ip = { "x-forwarded-for": `10.13.${ROUTES.findIndex(([n]) => n === name)}.${Math.floor(Math.random() * 250)}` };
      for (const param of params) {
        for (const value of values) {
          const res = await get(handler, name, { [param]: value }, routeKey, ip);
          expect(res.status, `${name} ${param}=${value.slice(0, 40)}`).toBeGreaterThanOrEqual(200);
          expect(res.status, `${name} ${param}=${value.slice(0, 40)}`).toBeLessThan(500);
          expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|SQLITE|prisma|stack/i);
        }
      }
    }
  }, 120_000);
});

describe("?format=csv", () => {
  it("downloads the same rows as CSV, audited as analytics.exported", async () => {
    const res = await get(staffGet, "staff", { ...WEEK, format: "csv" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="analytics-staff-2030-03-25-2030-03-31-XTS.csv"');
    expect(res.body).toBe(
      "staff_id,name,currency,revenue_minor,transactions,average_ticket_minor,refunds_minor,refund_count,previous_revenue_minor\r\n" +
        `${shop.staff.two.id},${shop.staff.two.name},XTS,4500,1,4500,0,0,0\r\n` +
        `${shop.staff.one.id},${shop.staff.one.name},XTS,3400,2,1700,1200,1,1000\r\n`,
    );
    const event = await lastAudit("analytics.exported", "staff");
    expect(event).toMatchObject({ actorId: ownerId, targetType: "analytics_report", actorType: "api_key" });
    expect(event!.meta).toMatchObject({ report: "staff", from: "2030-03-25", to: "2030-03-31", currency: "XTS", rows: 2 });
  });

  it("downloads every report, and the JSON answer is not audited", async () => {
    for (const [name, handler] of ROUTES) {
      const query = name === "z-report" ? { date: "2030-03-27", tz: "Europe/Paris", currency: "XTS" } : WEEK;
      const res = await get(handler, name, { ...query, format: "csv" });
      expect(res.status, name).toBe(200);
      expect(res.headers.get("content-disposition"), name).toMatch(/^attachment; filename="analytics-/);
      expect(String(res.body).split("\r\n")[0], name).toMatch(/^[a-z_]+(,[a-z_]+)*$/);
      expect((await lastAudit("analytics.exported", name))?.meta.report, name).toBe(name);
    }
    const before = await lastAudit("analytics.exported", "kpis");
    await get(kpisGet, "kpis", WEEK);
    expect((await lastAudit("analytics.exported", "kpis"))?.id).toBe(before?.id);
    const z = await get(zReportGet, "z-report", { date: "2030-03-27", tz: "Europe/Paris", currency: "XTS", format: "csv" });
    expect(z.body).toBe(
      "date,staff_id,name,currency,transactions,gross_minor,discounts_minor,tax_minor,refunds_minor,voids_minor,net_minor,cash_minor,card_minor,transfer_minor,other_minor\r\n" +
        `2030-03-27,${shop.staff.two.id},${shop.staff.two.name},XTS,1,5000,500,450,0,0,4950,4950,0,0,0\r\n` +
        "2030-03-27,,Total,XTS,1,5000,500,450,0,0,4950,4950,0,0,0\r\n",
    );
  });

  it("neutralises cells a spreadsheet would run as formulas", async () => {
    const range = { from: "2030-05-01", to: "2030-05-01", tz: "UTC", currency: "XAG", format: "csv" };
    const products = await get(productsGet, "products", range);
    expect(products.body.split("\r\n")[1]).toBe(`${formula.product.id},"'=HYPERLINK(""http://evil.test"",""${formula.marker}"")",${formula.product.sku},XAG,100,1,10,90,0.9`);
    const customers = await get(customersGet, "customers", range);
    expect(customers.body.split("\r\n")[1]).toBe(`${formula.customer.id},'${formula.customer.name},XAG,100,1`);
  });
});
