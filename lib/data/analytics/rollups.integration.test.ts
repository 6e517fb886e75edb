// The sales rollups (SalesQuarterRollup, SalesDayRollup, ProductDayRollup) are kept by database
// triggers: after sales, voids and refunds through the DAL, and after writes no code makes today
// (edits, deletes, un-voids), they must hold exactly what recomputing them from the rows gives; the
// migration's backfill must give the same; and every report must answer the same from the rollups
// as from the raw rows, in zones with half- and quarter-hour offsets and across clock changes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db, dbProvider, type Db } from "@/lib/db";
import { getKpis } from "@/lib/data/analytics/get-kpis";
import { getPaymentMix } from "@/lib/data/analytics/get-payment-mix";
import { getSalesHeatmap } from "@/lib/data/analytics/get-sales-heatmap";
import { getSalesSeries } from "@/lib/data/analytics/get-sales-series";
import { getStaffPerformance } from "@/lib/data/analytics/get-staff-performance";
import { getTopProducts } from "@/lib/data/analytics/get-top-products";
import { dominantCurrency } from "@/lib/data/analytics/report-scope";
import { localQuarterSeconds, splitRange } from "@/lib/data/analytics/rollups";
import { offsetSegments } from "@/lib/data/analytics/zone-time";
import { seedAnalyticsFixture } from "@/lib/data/analytics/analytics-test-kit";
import { createTransaction } from "@/lib/data/transactions/create-transaction";
import { refundTransaction } from "@/lib/data/transactions/refund-transaction";
import { voidTransaction } from "@/lib/data/transactions/void-transaction";
import { testProduct } from "@/lib/data/transactions/test-fixtures";
import { parseAnalyticsQueryStrict } from "@/lib/validations/analytics";
import { freshDatabase } from "@/test/fresh-database";
import { testContext } from "@/test/helpers";
import { viewerWithRole } from "@/test/role-viewers";

const SALE = `('completed', 'partially_refunded', 'refunded')`;
/** Whole UTC units of `seconds` since 1970 of a timestamp column. */
const unit = (column: string, seconds: number) =>
  dbProvider === "postgresql"
    ? `CAST(FLOOR(EXTRACT(EPOCH FROM ${column}) / ${seconds}) AS INTEGER)`
    : `(CAST(strftime('%s', ${column}) AS INTEGER) / ${seconds})`;
const cost = dbProvider === "postgresql" ? `l."quantity"::bigint * l."unitCost"` : `l."quantity" * l."unitCost"`;

/** What the rollups must hold, recomputed from the rows (rows whose sums are all zero left out). */
const RECOMPUTED = {
  quarter: `
    SELECT t."currency" AS "currency", ${unit(`t."occurredAt"`, 900)} AS "quarter", COUNT(*) AS "sales",
      SUM(t."total" - t."tax") AS "revenue", SUM(t."tax") AS "tax", SUM(t."discount") AS "orderDiscount",
      SUM(COALESCE(x."units", 0)) AS "units", SUM(COALESCE(x."cost", 0)) AS "cost", SUM(COALESCE(x."lineDiscount", 0)) AS "lineDiscount"
    FROM "Transaction" t LEFT JOIN (
      SELECT l."transactionId" AS "transactionId", SUM(l."quantity") AS "units", SUM(${cost}) AS "cost", SUM(l."discount") AS "lineDiscount"
      FROM "TransactionLine" l GROUP BY l."transactionId"
    ) x ON x."transactionId" = t."id"
    WHERE t."status" IN ${SALE} GROUP BY 1, 2`,
  day: `
    SELECT t."currency" AS "currency", ${unit(`t."occurredAt"`, 86400)} AS "day", t."staffId" AS "staffId",
      t."paymentMethod" AS "paymentMethod", COUNT(*) AS "sales", SUM(t."total" - t."tax") AS "revenue"
    FROM "Transaction" t WHERE t."status" IN ${SALE} GROUP BY 1, 2, 3, 4`,
  product: `
    SELECT t."currency" AS "currency", ${unit(`t."occurredAt"`, 86400)} AS "day", l."productId" AS "productId",
      SUM(l."quantity") AS "units", SUM(l."total" - l."tax") AS "revenue", SUM(${cost}) AS "cost"
    FROM "Transaction" t JOIN "TransactionLine" l ON l."transactionId" = t."id"
    WHERE t."status" IN ${SALE} GROUP BY 1, 2, 3`,
};
const STORED = {
  quarter: `SELECT "currency", "quarter", "sales", "revenue", "tax", "orderDiscount", "units", "cost", "lineDiscount" FROM "SalesQuarterRollup"
    WHERE "sales" <> 0 OR "revenue" <> 0 OR "tax" <> 0 OR "orderDiscount" <> 0 OR "units" <> 0 OR "cost" <> 0 OR "lineDiscount" <> 0`,
  day: `SELECT "currency", "day", "staffId", "paymentMethod", "sales", "revenue" FROM "SalesDayRollup" WHERE "sales" <> 0 OR "revenue" <> 0`,
  product: `SELECT "currency", "day", "productId", "units", "revenue", "cost" FROM "ProductDayRollup" WHERE "units" <> 0 OR "revenue" <> 0 OR "cost" <> 0`,
};

const TEXT_COLUMNS = new Set(["currency", "staffId", "paymentMethod", "productId"]);

/** Rows as sorted JSON lines, every sum a plain number (drivers give number, bigint or numeric text). */
async function rowsOf(client: Db, query: string): Promise<string[]> {
  const rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(query);
  return rows
    .map((r) =>
      JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, TEXT_COLUMNS.has(k) ? v : Number(v)]))),
    )
    .sort();
}

async function expectRollupsMatchRows(client: Db) {
  for (const key of ["quarter", "day", "product"] as const) {
    expect(await rowsOf(client, STORED[key]), key).toEqual(await rowsOf(client, RECOMPUTED[key]));
  }
}

describe(`sales rollups (${dbProvider})`, () => {
  it("follow sales, refunds and voids made through the DAL", async () => {
    const staff = await viewerWithRole("staff");
    const a = await testProduct({ unitPrice: 1250, unitCost: 600, taxRateBps: 825, stock: 50 });
    const b = await testProduct({ unitPrice: 799, unitCost: 300, stock: 50 });
    const sales = [];
    for (let i = 0; i < 4; i++) {
      sales.push(
        await createTransaction(
          staff,
          {
            paymentMethod: i % 2 ? "cash" : "card",
            lines: [
              { productId: a.id, quantity: 1 + i, discount: i * 10 },
              { productId: b.id, quantity: 2 },
            ],
            discount: i * 50,
          },
          testContext(),
        ),
      );
    }
    await expectRollupsMatchRows(db);
    const refunded = await refundTransaction(
      staff,
      sales[0]!.id,
      { lines: [{ lineId: sales[0]!.lines[0]!.id, quantity: 1 }] },
      testContext(),
    );
    await expectRollupsMatchRows(db);
    await voidTransaction(staff, sales[0]!.id, { reason: "Rang up twice" }, testContext(), refunded.version);
    await voidTransaction(staff, sales[1]!.id, { reason: "Wrong customer" }, testContext());
    await expectRollupsMatchRows(db);
  });

  describe("on their own database", () => {
    let fresh: { db: Db; remove: () => Promise<void> };
    beforeAll(async () => {
      fresh = await freshDatabase("rollups");
    });
    afterAll(async () => {
      await fresh?.remove();
    });

    it("follow every kind of write, and the migration's backfill gives the same sums", async () => {
      const f = fresh.db;
      const staff = await Promise.all(
        ["a", "b"].map((k) =>
          f.user.create({
            data: {
              username: `rollup-${k}`,
              email: `rollup-${k}@example.com`,
              firstName: k,
              lastName: k,
              dateOfBirth: new Date("1990-01-01"),
              passwordHash: "",
            },
          }),
        ),
      );
      const products = await Promise.all(
        [0, 1, 2].map((i) =>
          f.product.create({
            data: {
              sku: `R-${i}`,
              name: `R ${i}`,
              unitPrice: 100 + i,
              unitCost: 40 + i,
              currency: "USD",
              taxRateBps: 0,
              stock: 100,
            },
          }),
        ),
      );
      let number = 1;
      const sale = (
        at: string,
        opts: { status?: string; currency?: string; staff?: number; method?: string; lines?: number[] } = {},
      ) => {
        const lines = (opts.lines ?? [1, 2]).map((q, position) => ({
          position,
          productId: products[position % 3]!.id,
          productName: "R",
          sku: "R",
          quantity: q,
          unitPrice: 100,
          unitCost: 40 + position,
          taxRateBps: 1000,
          discount: position * 5,
          orderDiscount: 3,
          tax: 10 * q,
          total: 100 * q - position * 5 - 3 + 10 * q,
        }));
        const tax = lines.reduce((s, l) => s + l.tax, 0);
        const total = lines.reduce((s, l) => s + l.total, 0);
        return f.transaction.create({
          data: {
            number: number++,
            staffId: staff[opts.staff ?? 0]!.id,
            occurredAt: new Date(at),
            currency: opts.currency ?? "USD",
            subtotal: total - tax,
            discount: 3 * lines.length,
            tax,
            total,
            paymentMethod: opts.method ?? "card",
            status: opts.status ?? "completed",
            createdById: staff[0]!.id,
            lines: { create: lines },
          },
          include: { lines: true },
        });
      };
      const t1 = await sale("2030-03-30T23:59:59.999Z");
      const t2 = await sale("2030-03-31T00:07:00Z", { staff: 1, method: "cash", lines: [3] });
      const t3 = await sale("2030-03-31T00:14:00Z", { currency: "EUR", lines: [1, 1, 1] });
      const t4 = await sale("2030-04-01T12:00:00Z", { status: "voided" });
      await sale("2030-04-02T08:45:00Z", { status: "partially_refunded", method: "transfer" });
      await expectRollupsMatchRows(f);

      // Between sale statuses nothing moves; leaving them (void) takes the sale out; coming back puts it in.
      await f.transaction.update({
        where: { id: t1.id },
        data: { status: "partially_refunded", refundedAmount: 50, version: { increment: 1 } },
      });
      await f.transaction.update({ where: { id: t2.id }, data: { status: "voided" } });
      await f.transaction.update({ where: { id: t4.id }, data: { status: "completed" } });
      await expectRollupsMatchRows(f);
      // Counted columns edited: moved to where they now belong.
      await f.transaction.update({
        where: { id: t3.id },
        data: { occurredAt: new Date("2030-05-01T10:30:00Z"), staffId: staff[1]!.id, paymentMethod: "other" },
      });
      await f.transactionLine.update({ where: { id: t3.lines[0]!.id }, data: { quantity: 7, total: 900 } });
      await f.transactionLine.create({
        data: {
          transactionId: t1.id,
          position: 9,
          productId: products[2]!.id,
          productName: "R",
          sku: "R",
          quantity: 4,
          unitPrice: 100,
          unitCost: 45,
          taxRateBps: 0,
          tax: 0,
          total: 400,
        },
      });
      await f.transactionLine.delete({ where: { id: t1.lines[1]!.id } });
      // A line added to a voided sale does not count.
      await f.transactionLine.create({
        data: {
          transactionId: t2.id,
          position: 9,
          productId: products[0]!.id,
          productName: "R",
          sku: "R",
          quantity: 9,
          unitPrice: 100,
          unitCost: 45,
          taxRateBps: 0,
          tax: 0,
          total: 900,
        },
      });
      await expectRollupsMatchRows(f);
      // Deleting a counted sale takes it and its (cascaded) lines out.
      await f.transaction.delete({ where: { id: t3.id } });
      await expectRollupsMatchRows(f);
      expect(await rowsOf(f, STORED.quarter)).not.toEqual([]);

      // The migration's backfill, run on the same rows, gives what the triggers keep.
      const kept = await Promise.all((["quarter", "day", "product"] as const).map((k) => rowsOf(f, STORED[k])));
      const migration = readFileSync(
        path.join(
          process.cwd(),
          dbProvider === "postgresql" ? "prisma/postgres/migrations" : "prisma/migrations",
          "20261202055517_sales_rollups/migration.sql",
        ),
        "utf8",
      );
      const backfill = migration.slice(migration.indexOf("-- The rows already there."));
      await f.$executeRawUnsafe(`DELETE FROM "SalesQuarterRollup"`);
      await f.$executeRawUnsafe(`DELETE FROM "SalesDayRollup"`);
      await f.$executeRawUnsafe(`DELETE FROM "ProductDayRollup"`);
      for (const statement of backfill
        .split(";")
        .map((s) => s.replace(/^--.*$/gm, "").trim())
        .filter(Boolean)) {
        await f.$executeRawUnsafe(statement);
      }
      expect(await Promise.all((["quarter", "day", "product"] as const).map((k) => rowsOf(f, STORED[k])))).toEqual(
        kept,
      );
    });
  });
});

describe("reports from the rollups", () => {
  let manager: Viewer;
  beforeAll(async () => {
    await seedAnalyticsFixture();
    manager = await viewerWithRole("manager");
  });

  // Paris crosses summer time in this range; Kolkata is UTC+5:30, Kathmandu +5:45, St John's
  // −3:30 (with its own clock change), Chatham +13:45/+12:45.
  const zones = [
    "Europe/Paris",
    "UTC",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "America/St_Johns",
    "Pacific/Chatham",
    "America/Los_Angeles",
  ];
  // Ranges whose ends cut UTC days holding sales (T1 at 23:30 UTC, T2 at 13:15, T3 and T5 late on
  // 03-31), so that the raw ends of a split are read in some zone, and ranges of a single day.
  const ranges = [
    { from: "2030-03-20", to: "2030-04-02" },
    { from: "2030-03-25", to: "2030-03-27" },
    { from: "2030-03-27", to: "2030-03-31" },
    { from: "2030-03-24", to: "2030-03-24" },
    { from: "2030-03-31", to: "2030-03-31" },
    { from: "2030-01-01", to: "2030-12-31" },
  ];

  it.each(zones)("answer as the raw rows do in %s", async (tz) => {
    for (const range of ranges) {
      for (const bucket of ["day", "week", "month"]) {
        const query = parseAnalyticsQueryStrict({ ...range, tz, bucket, currency: "XTS" });
        expect(await getSalesSeries(manager, query, "rollups"), `${tz} ${range.from} ${bucket}`).toEqual(
          await getSalesSeries(manager, query, "rows"),
        );
      }
      const query = parseAnalyticsQueryStrict({ ...range, tz, currency: "XTS" });
      const label = `${tz} ${range.from}–${range.to}`;
      expect(await getKpis(manager, query, "rollups"), label).toEqual(await getKpis(manager, query, "rows"));
      expect(await getSalesHeatmap(manager, query, "rollups"), label).toEqual(
        await getSalesHeatmap(manager, query, "rows"),
      );
      expect(await getPaymentMix(manager, query, "rollups"), label).toEqual(
        await getPaymentMix(manager, query, "rows"),
      );
      expect(await getStaffPerformance(manager, query, "rollups"), label).toEqual(
        await getStaffPerformance(manager, query, "rows"),
      );
      for (const sort of ["revenue", "units"] as const) {
        expect(await getTopProducts(manager, query, { sort, source: "rollups" }), label).toEqual(
          await getTopProducts(manager, query, { sort, source: "rows" }),
        );
      }
    }
    // The fixture's figures are there at all (a comparison of two empty answers would prove nothing).
    const week = parseAnalyticsQueryStrict({ from: "2030-03-25", to: "2030-03-31", tz, currency: "XTS" });
    expect((await getKpis(manager, week)).current.transactions).toBeGreaterThan(0);
  });

  it("pick the range's currency from the rollups as from the rows", async () => {
    for (const [lo, hi] of [
      ["2030-03-24T00:00:00Z", "2030-04-03T00:00:00Z"],
      ["2030-03-26T10:07:00Z", "2030-03-26T11:53:00Z"],
    ] as const) {
      const rollups = await dominantCurrency(new Date(lo), new Date(hi), "rollups");
      expect(rollups).toBe(await dominantCurrency(new Date(lo), new Date(hi), "rows"));
    }
  });
});

describe("splitRange and localQuarterSeconds", () => {
  const at = (iso: string) => new Date(iso);
  it("reads whole units from the rollup and the rest raw", () => {
    expect(splitRange(at("2030-03-24T23:00:00Z"), at("2030-03-27T22:00:00Z"), 86_400)).toEqual({
      from: Date.UTC(2030, 2, 25) / 86_400_000,
      to: Date.UTC(2030, 2, 27) / 86_400_000,
      edges: [
        { lo: at("2030-03-24T23:00:00Z"), hi: at("2030-03-25T00:00:00Z") },
        { lo: at("2030-03-27T00:00:00Z"), hi: at("2030-03-27T22:00:00Z") },
      ],
    });
    // Less than a unit, or the raw source: all raw.
    expect(splitRange(at("2030-03-24T01:00:00Z"), at("2030-03-24T05:00:00Z"), 86_400).edges).toHaveLength(1);
    expect(splitRange(at("2030-03-24T00:00:00Z"), at("2030-03-26T00:00:00Z"), 86_400, "rows")).toMatchObject({
      from: 0,
      to: 0,
    });
    // Aligned: no edges.
    expect(splitRange(at("2030-03-24T00:00:00Z"), at("2030-03-26T00:00:00Z"), 900).edges).toEqual([]);
  });

  it("refuses a zone whose offset is not on a quarter hour (Monrovia, −0:44:30 until 1972)", () => {
    const lo = at("1971-06-01T00:44:30Z");
    const hi = at("1971-06-02T00:44:30Z");
    expect(localQuarterSeconds(`r."quarter"`, offsetSegments(lo, hi, "Africa/Monrovia"), lo, hi)).toBeNull();
    const klo = at("2030-03-24T18:15:00Z");
    const khi = at("2030-03-25T18:15:00Z");
    expect(localQuarterSeconds(`r."quarter"`, offsetSegments(klo, khi, "Asia/Kathmandu"), klo, khi)).not.toBeNull();
  });
});
