// The demo shop (npm run db:seed -- --demo) in databases of its own (of the run's provider), never
// the shared test database, which its year of sales would crowd: sizes, the patterns it promises,
// amounts that add up, determinism and refusing to run twice.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providerOf, type Db } from "@/lib/db-client";
import { freshDatabase as freshTestDatabase } from "@/test/fresh-database";
import { seedDatabase } from "@/lib/seed/seed-database";
import { DEMO_TIME_ZONE, seedDemoShop, type DemoResult } from "@/lib/seed/demo-shop";
import { localDate } from "@/lib/validations/analytics";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function freshDatabase(): Promise<Db> {
  const { db, remove } = await freshTestDatabase("demo");
  // Roles only: a plain hash keeps this fast (nobody signs in here).
  await seedDatabase(db, { hashPassword: async () => "not-a-login", adminEmail: "owner@demo.test", adminPassword: "Owner-password-123" });
  cleanups.push(remove);
  return db;
}

const END = new Date("2026-06-30T23:00:00Z");
const options = () => ({
  seed: 13,
  end: END,
  hashPassword: async () => "not-a-login",
  provider: providerOf(process.env.DATABASE_URL!),
});

/** A digest of every sale and line as stored (ids, times, amounts), to compare two seeds. */
async function digest(db: Db): Promise<string> {
  const sales = await db.transaction.findMany({
    orderBy: { number: "asc" },
    select: { id: true, occurredAt: true, total: true, status: true, staffId: true, customerId: true, paymentMethod: true, lines: { orderBy: { position: "asc" }, select: { productId: true, quantity: true, total: true } } },
  });
  return createHash("sha256").update(JSON.stringify(sales)).digest("hex");
}

let db: Db;
let result: DemoResult;

beforeAll(async () => {
  db = await freshDatabase();
  result = await seedDemoShop(db, options());
}, 180_000);

describe("seedDemoShop", () => {
  it("makes a shop of realistic size over the year before its end", async () => {
    expect(result).toMatchObject({ created: true, customers: 400, products: 60, staff: 6, from: "2025-07-01", to: "2026-06-30" });
    if (!result.created) throw new Error("not created");
    expect(result.transactions).toBeGreaterThan(12_000);
    expect(result.transactions).toBeLessThan(20_000);
    expect(await db.transaction.count()).toBe(result.transactions);
    expect(await db.transactionLine.count()).toBe(result.lines);
    expect(await db.refund.count()).toBe(result.refunds);
    expect(await db.transaction.count({ where: { status: "voided" } })).toBe(result.voids);
    const last = await db.transaction.findFirst({ orderBy: { occurredAt: "desc" }, select: { occurredAt: true } });
    expect(last!.occurredAt.getTime()).toBeLessThanOrEqual(END.getTime());
    const staff = await db.user.findMany({ where: { roles: { some: { role: { key: "staff" } } } }, select: { staffProfile: { select: { employeeNumber: true } } } });
    expect(staff.map((s) => s.staffProfile?.employeeNumber).sort()).toEqual(["DEMO-001", "DEMO-002", "DEMO-003", "DEMO-004", "DEMO-005", "DEMO-006"]);
    console.log(`demo shop: ${result.transactions} sales in ${result.seconds.toFixed(1)} s`);
  });

  it("has the patterns it promises: weekends, rush hours, card first, refunds, voids, low stock", async () => {
    const sales = await db.transaction.findMany({ select: { occurredAt: true, paymentMethod: true, status: true } });
    const byWeekday = new Array(7).fill(0);
    const byHour = new Array(24).fill(0);
    const byMethod: Record<string, number> = {};
    for (const s of sales) {
      const date = localDate(s.occurredAt, DEMO_TIME_ZONE);
      byWeekday[new Date(`${date}T12:00:00Z`).getUTCDay()]++;
      const hour = Number(new Intl.DateTimeFormat("en-US", { timeZone: DEMO_TIME_ZONE, hour: "numeric", hourCycle: "h23" }).format(s.occurredAt));
      byHour[hour]++;
      byMethod[s.paymentMethod] = (byMethod[s.paymentMethod] ?? 0) + 1;
    }
    // Saturday (6) is the busiest day, Monday (1) among the quietest.
    expect(Math.max(...byWeekday)).toBe(byWeekday[6]);
    expect(byWeekday[1]).toBeLessThan(byWeekday[5]);
    // Open 7:00–19:59 local time; the 8 o'clock rush beats mid-afternoon.
    expect(byHour.slice(0, 7).concat(byHour.slice(20)).every((n) => n === 0)).toBe(true);
    expect(byHour[8]).toBeGreaterThan(byHour[15] * 2);
    expect(byMethod.card).toBeGreaterThan(byMethod.cash!);
    expect(Object.keys(byMethod).sort()).toEqual(["card", "cash", "other", "transfer"]);
    const statuses = new Set(sales.map((s) => s.status));
    expect([...statuses].sort()).toEqual(["completed", "partially_refunded", "refunded", "voided"]);
    const products = await db.product.findMany({ select: { stock: true, lowStockThreshold: true, unitCost: true, unitPrice: true } });
    expect(products.filter((p) => p.stock <= p.lowStockThreshold)).toHaveLength(8);
    expect(products.every((p) => p.unitCost > 0 && p.unitCost < p.unitPrice)).toBe(true);
  });

  it("stores sales whose lines add up, and refunds that match their sale", async () => {
    const mismatched = await db.transaction.findMany({
      select: { total: true, tax: true, refundedAmount: true, status: true, lines: { select: { total: true, tax: true, refundedAmount: true } }, refunds: { select: { amount: true } } },
    });
    for (const t of mismatched) {
      expect(t.lines.reduce((s, l) => s + l.total, 0)).toBe(t.total);
      expect(t.lines.reduce((s, l) => s + l.tax, 0)).toBe(t.tax);
      expect(t.refunds.reduce((s, r) => s + r.amount, 0)).toBe(t.refundedAmount);
      expect(t.lines.reduce((s, l) => s + l.refundedAmount, 0)).toBe(t.refundedAmount);
      if (t.status === "refunded") expect(t.refundedAmount).toBe(t.total);
      if (t.status === "partially_refunded") expect(t.refundedAmount).toBeLessThan(t.total);
    }
  });

  it("refuses to run twice, and gives the same shop for the same seed and end", async () => {
    const before = await db.transaction.count();
    expect(await seedDemoShop(db, options())).toEqual({ created: false, reason: expect.stringMatching(/already there/) });
    expect(await db.transaction.count()).toBe(before);
    const other = await freshDatabase();
    await seedDemoShop(other, options());
    expect(await digest(other)).toBe(await digest(db));
  }, 180_000);
});
