// A small shop written by hand for the analytics tests (DAL and HTTP). Its money is in XTS (the ISO
// code reserved for tests) and its dates in March–April 2030, so nothing else in the shared test
// database falls into its reports. Every expected figure in the tests was worked out by hand from
// the table below, in Europe/Paris, where summer time starts on 2030-03-31 at 02:00 (UTC+1 → +2).
//
//  sale  local time (Paris)        UTC                staff customer  pay       status              lines (qty × price, line disc., tax)
//  T1    Mon 2030-03-25 00:30 CET  03-24 23:30        S1    C1        card      completed           P1 2×1000 tax 400; P2 4×250 −100
//  T2    Wed 2030-03-27 14:15 CET  03-27 13:15        S2    C2        cash      partially_refunded  P3 1×5000, order disc. 500, tax 450
//  T3    Sun 2030-03-31 23:30 CEST 03-31 21:30        S1    walk-in   card      completed           P2 2×250
//  T4    Thu 2030-03-28 10:00 CET  03-28 09:00        S2    C1        cash      voided              P1 1×1000 tax 200
//  T5    Mon 2030-04-01 00:30 CEST 03-31 22:30        S1    walk-in   transfer  completed           P1 1×1000 tax 200
//  T6    Wed 2030-03-20 11:00 CET  03-20 10:00        S1    C1        cash      refunded            P1 1×1000 tax 200
//  T7    Tue 2030-03-26 12:00 CET  03-26 11:00        S1    walk-in   card      completed (XPT)     P2 1×7777
//  R0 refund of T6 (1200), 2030-03-26 09:00 UTC;  R1 refund of T2 (2000), 2030-04-02 10:00 UTC.
//  Customers: C1 created 2030-03-10, C2 2030-03-26 12:00 UTC, C3 2030-03-19 (never buys).
//  Products (XTS): P1 cost 400 tax 20 %, stock 3 ≤ threshold 5; P2 cost 100 tax 0, stock 50 > 10;
//  P3 cost 3000 tax 10 %, stock 0 = threshold 0; P4 inactive, stock 0 ≤ 2; P5 archived, stock 1 ≤ 4.
import { db } from "@/lib/db";
import { createTestUser } from "@/test/create-test-user";
import { uniqueName } from "@/test/helpers";

export const CURRENCY = "XTS";
export const TZ = "Europe/Paris";

type LineSpec = {
  product: { id: string; name: string; sku: string; unitCost: number; taxRateBps: number };
  quantity: number;
  unitPrice: number;
  discount?: number;
  orderDiscount?: number;
  tax: number;
};

export type AnalyticsFixture = {
  marker: string;
  staff: { one: { id: string; name: string }; two: { id: string; name: string } };
  products: Record<"p1" | "p2" | "p3" | "p4" | "p5", { id: string; name: string; sku: string }>;
  customers: Record<"c1" | "c2" | "c3", { id: string; name: string }>;
};

// One shop per test database: the test files share it (they run one after another), since two
// copies would double every figure of the range.
const MARKER = "anfixture";
const KEYS = { p1: "Alpha", p2: "Beta", p3: "Gamma", p4: "Delta", p5: "Epsilon" } as const;
const CUSTOMERS = { c1: "Carol", c2: "Dan", c3: "Eve" } as const;

async function loadFixture(): Promise<AnalyticsFixture | null> {
  const m = MARKER;
  const products = await db.product.findMany({ where: { sku: { startsWith: `${m}-`.toUpperCase() } }, select: { id: true, name: true, sku: true } });
  if (products.length === 0) return null;
  const product = (key: string) => products.find((p) => p.sku === `${m}-${key}`.toUpperCase())!;
  const customers = await db.customer.findMany({ where: { name: { endsWith: ` ${m}` } }, select: { id: true, name: true } });
  const customer = (name: string) => customers.find((c) => c.name === `${name} ${m}`)!;
  const staff = await db.user.findMany({ where: { lastName: { in: [`One${m}`, `Two${m}`] } }, select: { id: true, firstName: true, lastName: true } });
  const person = (lastName: string) => {
    const u = staff.find((s) => s.lastName === lastName)!;
    return { id: u.id, name: `${u.firstName} ${u.lastName}` };
  };
  return {
    marker: m,
    staff: { one: person(`One${m}`), two: person(`Two${m}`) },
    products: { p1: product(KEYS.p1), p2: product(KEYS.p2), p3: product(KEYS.p3), p4: product(KEYS.p4), p5: product(KEYS.p5) },
    customers: { c1: customer(CUSTOMERS.c1), c2: customer(CUSTOMERS.c2), c3: customer(CUSTOMERS.c3) },
  };
}

export async function seedAnalyticsFixture(): Promise<AnalyticsFixture> {
  const existing = await loadFixture();
  if (existing) return existing;
  const m = MARKER;
  const staffOne = await createTestUser({ role: "staff", firstName: "Ada" });
  const staffTwo = await createTestUser({ role: "staff", firstName: "Brook" });
  await db.user.update({ where: { id: staffOne.id }, data: { lastName: `One${m}` } });
  await db.user.update({ where: { id: staffTwo.id }, data: { lastName: `Two${m}` } });

  const product = (key: string, data: { unitPrice: number; unitCost: number; taxRateBps: number; stock: number; lowStockThreshold: number; active?: boolean; archived?: boolean }) =>
    db.product.create({
      data: {
        sku: `${m}-${key}`.toUpperCase(),
        name: `${key} ${m}`,
        unitPrice: data.unitPrice,
        unitCost: data.unitCost,
        currency: CURRENCY,
        taxRateBps: data.taxRateBps,
        stock: data.stock,
        lowStockThreshold: data.lowStockThreshold,
        active: data.active ?? true,
        archivedAt: data.archived ? new Date("2030-01-01T00:00:00Z") : null,
      },
      select: { id: true, name: true, sku: true, unitCost: true, taxRateBps: true },
    });
  const p1 = await product("Alpha", { unitPrice: 1000, unitCost: 400, taxRateBps: 2000, stock: 3, lowStockThreshold: 5 });
  const p2 = await product("Beta", { unitPrice: 250, unitCost: 100, taxRateBps: 0, stock: 50, lowStockThreshold: 10 });
  const p3 = await product("Gamma", { unitPrice: 5000, unitCost: 3000, taxRateBps: 1000, stock: 0, lowStockThreshold: 0 });
  await product("Delta", { unitPrice: 100, unitCost: 50, taxRateBps: 0, stock: 0, lowStockThreshold: 2, active: false });
  await product("Epsilon", { unitPrice: 100, unitCost: 50, taxRateBps: 0, stock: 1, lowStockThreshold: 4, archived: true });

  const customer = (name: string, createdAt: string) =>
    db.customer.create({ data: { name: `${name} ${m}`, createdAt: new Date(createdAt) }, select: { id: true, name: true } });
  const c1 = await customer("Carol", "2030-03-10T12:00:00Z");
  const c2 = await customer("Dan", "2030-03-26T12:00:00Z");
  await customer("Eve", "2030-03-19T12:00:00Z");

  const last = await db.transaction.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  let number = (last?.number ?? 0) + 1000 + Math.floor(Math.random() * 1000);

  const sale = async (spec: {
    at: string;
    staffId: string;
    customerId: string | null;
    paymentMethod: string;
    status?: string;
    currency?: string;
    orderDiscount?: number;
    refundedAmount?: number;
    lines: LineSpec[];
  }) => {
    const lines = spec.lines.map((l, position) => {
      const taxable = l.quantity * l.unitPrice - (l.discount ?? 0) - (l.orderDiscount ?? 0);
      return {
        position,
        productId: l.product.id,
        productName: l.product.name,
        sku: l.product.sku,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        unitCost: l.product.unitCost,
        taxRateBps: l.product.taxRateBps,
        discount: l.discount ?? 0,
        orderDiscount: l.orderDiscount ?? 0,
        tax: l.tax,
        total: taxable + l.tax,
      };
    });
    const subtotal = spec.lines.reduce((s, l) => s + l.quantity * l.unitPrice - (l.discount ?? 0), 0);
    const tax = lines.reduce((s, l) => s + l.tax, 0);
    const total = lines.reduce((s, l) => s + l.total, 0);
    return db.transaction.create({
      data: {
        number: number++,
        customerId: spec.customerId,
        staffId: spec.staffId,
        occurredAt: new Date(spec.at),
        currency: spec.currency ?? CURRENCY,
        subtotal,
        discount: spec.orderDiscount ?? 0,
        tax,
        total,
        refundedAmount: spec.refundedAmount ?? 0,
        paymentMethod: spec.paymentMethod,
        status: spec.status ?? "completed",
        voidedAt: spec.status === "voided" ? new Date(spec.at) : null,
        voidedById: spec.status === "voided" ? spec.staffId : null,
        createdAt: new Date(spec.at),
        lines: { create: lines },
      },
      select: { id: true, total: true },
    });
  };

  await sale({
    at: "2030-03-24T23:30:00Z",
    staffId: staffOne.id,
    customerId: c1.id,
    paymentMethod: "card",
    lines: [
      { product: p1, quantity: 2, unitPrice: 1000, tax: 400 },
      { product: p2, quantity: 4, unitPrice: 250, discount: 100, tax: 0 },
    ],
  });
  const t2 = await sale({
    at: "2030-03-27T13:15:00Z",
    staffId: staffTwo.id,
    customerId: c2.id,
    paymentMethod: "cash",
    status: "partially_refunded",
    orderDiscount: 500,
    refundedAmount: 2000,
    lines: [{ product: p3, quantity: 1, unitPrice: 5000, orderDiscount: 500, tax: 450 }],
  });
  await sale({
    at: "2030-03-31T21:30:00Z",
    staffId: staffOne.id,
    customerId: null,
    paymentMethod: "card",
    lines: [{ product: p2, quantity: 2, unitPrice: 250, tax: 0 }],
  });
  await sale({
    at: "2030-03-28T09:00:00Z",
    staffId: staffTwo.id,
    customerId: c1.id,
    paymentMethod: "cash",
    status: "voided",
    lines: [{ product: p1, quantity: 1, unitPrice: 1000, tax: 200 }],
  });
  await sale({
    at: "2030-03-31T22:30:00Z",
    staffId: staffOne.id,
    customerId: null,
    paymentMethod: "transfer",
    lines: [{ product: p1, quantity: 1, unitPrice: 1000, tax: 200 }],
  });
  const t6 = await sale({
    at: "2030-03-20T10:00:00Z",
    staffId: staffOne.id,
    customerId: c1.id,
    paymentMethod: "cash",
    status: "refunded",
    refundedAmount: 1200,
    lines: [{ product: p1, quantity: 1, unitPrice: 1000, tax: 200 }],
  });
  await sale({
    at: "2030-03-26T11:00:00Z",
    staffId: staffOne.id,
    customerId: null,
    paymentMethod: "card",
    currency: "XPT",
    lines: [{ product: p2, quantity: 1, unitPrice: 7777, tax: 0 }],
  });
  await db.refund.create({
    data: { transactionId: t6.id, amount: 1200, reason: "Returned", createdById: staffOne.id, createdAt: new Date("2030-03-26T09:00:00Z") },
  });
  await db.refund.create({
    data: { transactionId: t2.id, amount: 2000, reason: "Damaged", createdById: staffTwo.id, createdAt: new Date("2030-04-02T10:00:00Z") },
  });

  return (await loadFixture())!;
}

/**
 * A sale on 2030-05-01 (UTC) in XAG, apart from the shop above, of a product and to a customer whose
 * names a spreadsheet would run as formulas: the CSV exports must neutralise them.
 */
export async function seedFormulaSale(staffId: string) {
  const m = uniqueName("fx");
  const product = await db.product.create({
    data: { sku: `${m}-F`.toUpperCase(), name: `=HYPERLINK("http://evil.test","${m}")`, unitPrice: 100, unitCost: 10, currency: "XAG" },
    select: { id: true, name: true, sku: true },
  });
  const customer = await db.customer.create({ data: { name: `@SUM(1+1) ${m}` }, select: { id: true, name: true } });
  const last = await db.transaction.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  await db.transaction.create({
    data: {
      number: (last?.number ?? 0) + 1000 + Math.floor(Math.random() * 1000),
      customerId: customer.id,
      staffId,
      occurredAt: new Date("2030-05-01T12:00:00Z"),
      currency: "XAG",
      subtotal: 100,
      tax: 0,
      total: 100,
      paymentMethod: "card",
      lines: {
        create: [
          { position: 0, productId: product.id, productName: product.name, sku: product.sku, quantity: 1, unitPrice: 100, unitCost: 10, taxRateBps: 0, tax: 0, total: 100 },
        ],
      },
    },
  });
  return { marker: m, product, customer };
}
