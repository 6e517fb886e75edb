// `npm run db:seed -- --demo`: a believable small shop for trying the analytics (and every other
// records page) — a coffee shop in New York with 60 products in five categories, six staff
// members, 400 customers and a year of sales up to now: busier Fridays and Saturdays, a morning,
// lunch and after-work rush, a summer dip and a December peak, card-heavy payments, discounts,
// some refunds and voids, and a handful of products low on stock.
//
// Deterministic: the same seed and end date give the same rows (ids included). Refuses to run
// twice (the demo's products are looked up first) and writes everything in one transaction with
// batched inserts, so a failure leaves nothing half-made. Amounts go through computeTotals and
// refundAmountFor, the same arithmetic the app uses for a real sale.
import type { Db, Provider } from "@/lib/db-client";
import { computeTotals, refundAmountFor } from "@/lib/data/transactions/compute-totals";
import { soldLines } from "@/lib/data/transactions/sold-lines";
import { offsetAt, startOfLocalDay } from "@/lib/data/analytics/zone-time";
import { addDays, localDate } from "@/lib/validations/analytics";

export const DEMO_TIME_ZONE = "America/New_York";
export const DEMO_CURRENCY = "USD";
/** SKUs of demo products start with this; its presence means the demo is already there. */
export const DEMO_SKU_PREFIX = "DM-";

export type DemoOptions = {
  /** PRNG seed (default 13). */
  seed?: number;
  /** Sales run for 365 days up to this instant (default now). */
  end?: Date;
  customers?: number;
  /** Average sales per day before weekday, season and trend factors. */
  salesPerDay?: number;
  hashPassword: (password: string) => Promise<string>;
  /** Which placeholders the bulk inserts use. */
  provider: Provider;
};

export type DemoResult =
  | { created: false; reason: string }
  | {
      created: true;
      customers: number;
      products: number;
      staff: number;
      transactions: number;
      lines: number;
      refunds: number;
      voids: number;
      from: string;
      to: string;
      seconds: number;
    };

/** mulberry32: small, fast and good enough for plausible data. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return items[items.length - 1]![0];
    },
  };
}

/** Ids in the app's alphabet (cuid-like), deterministic: "c" + kind + counter. */
function ids(kind: string) {
  let n = 0;
  return () => `cdemo${kind}${(n++).toString(36).padStart(24 - 4 - kind.length, "0")}`;
}

type Category = {
  code: string;
  name: string;
  taxRateBps: number;
  costShare: number;
  weight: number;
  items: readonly (readonly [string, number])[];
};

const CATEGORIES: readonly Category[] = [
  {
    code: "DRK",
    name: "Drinks",
    taxRateBps: 888,
    costShare: 0.24,
    weight: 46,
    items: [
      ["Espresso", 325], ["Double espresso", 395], ["Americano", 375], ["Cappuccino", 475],
      ["Flat white", 495], ["Latte", 525], ["Oat latte", 575], ["Mocha", 595],
      ["Cold brew", 545], ["Chai latte", 525], ["Matcha latte", 615], ["Hot chocolate", 450],
    ],
  },
  {
    code: "BAK",
    name: "Bakery",
    taxRateBps: 888,
    costShare: 0.34,
    weight: 30,
    items: [
      ["Butter croissant", 395], ["Almond croissant", 475], ["Pain au chocolat", 425], ["Blueberry muffin", 375],
      ["Banana bread", 395], ["Cinnamon roll", 450], ["Everything bagel", 325], ["Avocado toast", 950],
      ["Egg sandwich", 875], ["Granola cup", 625], ["Chocolate chip cookie", 275], ["Lemon tart", 525],
    ],
  },
  {
    code: "BNS",
    name: "Coffee beans",
    taxRateBps: 0,
    costShare: 0.48,
    weight: 13,
    items: [
      ["House blend 340 g", 1599], ["Espresso blend 340 g", 1699], ["Decaf 340 g", 1699], ["Ethiopia Yirgacheffe 250 g", 1999],
      ["Colombia Huila 250 g", 1899], ["Kenya AA 250 g", 2199], ["Guatemala Antigua 250 g", 1899], ["Sumatra Mandheling 250 g", 1799],
      ["Brazil Cerrado 1 kg", 3999], ["Costa Rica Tarrazú 250 g", 2099], ["Seasonal single origin 250 g", 2299], ["Cold brew pack", 1499],
    ],
  },
  {
    code: "MRC",
    name: "Merchandise",
    taxRateBps: 888,
    costShare: 0.4,
    weight: 7,
    items: [
      ["Ceramic mug", 1800], ["Travel tumbler", 2800], ["Tote bag", 1500], ["Enamel pin", 900],
      ["Logo T-shirt", 2500], ["Beanie", 2200], ["Gift card $25", 2500], ["Postcard set", 1000],
      ["Glass cup", 1600], ["Sticker pack", 600], ["Tea towel", 1400], ["Coffee journal", 1900],
    ],
  },
  {
    code: "EQP",
    name: "Equipment",
    taxRateBps: 888,
    costShare: 0.62,
    weight: 4,
    items: [
      ["Hand grinder", 8900], ["Burr grinder", 19900], ["Pour-over dripper", 2800], ["Paper filters (100)", 900],
      ["Gooseneck kettle", 6900], ["French press", 3900], ["AeroPress", 4500], ["Moka pot", 3800],
      ["Digital scale", 5500], ["Milk frother", 3200], ["Cold brew jar", 3400], ["Cleaning tablets", 1200],
    ],
  },
];

const STAFF = [
  { first: "Maya", last: "Okafor", weight: 1.35, hired: "2021-03-15" },
  { first: "Luis", last: "Ferreira", weight: 1.2, hired: "2022-06-01" },
  { first: "Hannah", last: "Kim", weight: 1.05, hired: "2023-01-09" },
  { first: "Omar", last: "Haddad", weight: 0.95, hired: "2023-09-18" },
  { first: "Priya", last: "Raman", weight: 0.8, hired: "2024-04-22" },
  { first: "Jonah", last: "Weiss", weight: 0.6, hired: "2025-02-03" },
] as const;

const FIRST = ["Ava", "Ben", "Chloe", "Daniel", "Elena", "Felix", "Grace", "Hugo", "Isla", "Jack", "Keira", "Leo", "Mia", "Noah", "Olivia", "Pablo", "Quinn", "Rosa", "Sam", "Tara", "Uma", "Victor", "Wen", "Xavier", "Yara", "Zoe", "Amir", "Bea", "Carlos", "Dana"];
const LAST = ["Adams", "Brown", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Johnson", "Khan", "Lopez", "Miller", "Nguyen", "Osei", "Patel", "Quint", "Rossi", "Smith", "Tanaka", "Umar", "Vega", "Walker", "Xu", "Young", "Zhang", "Novak", "Silva", "Moreau", "Costa"];

// Monday … Sunday.
const WEEKDAY_FACTOR = [0.82, 0.86, 0.92, 1.0, 1.22, 1.42, 1.05];
// Local hour → weight (open 7:00–19:59): the morning rush, lunch, and after work.
const HOUR_WEIGHTS: readonly (readonly [number, number])[] = [
  [7, 9], [8, 16], [9, 12], [10, 7], [11, 8], [12, 12], [13, 10], [14, 6], [15, 6], [16, 7], [17, 9], [18, 6], [19, 3],
];
const PAYMENTS: readonly (readonly [string, number])[] = [["card", 62], ["cash", 25], ["transfer", 8], ["other", 5]];

type Row = Record<string, string | number | Date | null>;
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Multi-row INSERTs of up to 1,000 rows (Prisma's createMany spends most of a big seed building
 * queries). Table and column names come from this file, never from input; values are parameters.
 */
async function insertRows(tx: Tx, provider: Provider, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const size = Math.min(1000, Math.floor(30_000 / columns.length));
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  for (let i = 0; i < rows.length; i += size) {
    const values: Row[string][] = [];
    const tuples = rows.slice(i, i + size).map((row) => {
      const marks = columns.map((c) => {
        values.push(row[c] ?? null);
        return provider === "postgresql" ? `$${values.length}` : "?";
      });
      return `(${marks.join(", ")})`;
    });
    await tx.$executeRawUnsafe(head + tuples.join(", "), ...values);
  }
}

const prismaDay = (date: string) => new Date(`${date}T00:00:00.000Z`);

const dayStarts = new Map<string, number>();

/** The instant of a local wall-clock time in the demo's zone (opening hours never fall in a DST gap). */
function localInstant(date: string, secondsOfDay: number): Date {
  let start = dayStarts.get(date);
  if (start === undefined) {
    start = startOfLocalDay(date, DEMO_TIME_ZONE).getTime();
    dayStarts.set(date, start);
  }
  const wall = start + offsetAt(start, DEMO_TIME_ZONE) + secondsOfDay * 1000;
  const guess = wall - offsetAt(start, DEMO_TIME_ZONE);
  return new Date(wall - offsetAt(guess, DEMO_TIME_ZONE));
}

export async function seedDemoShop(db: Db, options: DemoOptions): Promise<DemoResult> {
  const started = performance.now();
  const existing = await db.product.count({ where: { sku: { startsWith: DEMO_SKU_PREFIX } } });
  if (existing > 0) return { created: false, reason: "the demo shop is already there (products DM-…)" };
  const staffRole = await db.role.findUnique({ where: { key: "staff" }, select: { id: true } });
  if (!staffRole) return { created: false, reason: "the Staff role is missing: run the plain seed first" };

  const rnd = prng(options.seed ?? 13);
  const end = options.end ?? new Date();
  const endMs = end.getTime();
  const lastDay = localDate(end, DEMO_TIME_ZONE);
  const firstDay = addDays(lastDay, -364);
  const customerCount = options.customers ?? 400;
  const salesPerDay = options.salesPerDay ?? 42;

  // Staff: users holding the Staff role, approved, with a staff record. Their password is random
  // and thrown away: demo staff exist to have sold things, not to sign in.
  const passwordHash = await options.hashPassword(`demo-${Math.random().toString(36)}-${Date.now()}`);
  const staffId = ids("u");
  const staff = STAFF.map((s, i) => ({ ...s, id: staffId(), n: i + 1 }));

  const productId = ids("p");
  const products = CATEGORIES.flatMap((category) =>
    category.items.map(([name, price], i) => {
      const threshold = rnd.int(6, 20);
      return {
        id: productId(),
        sku: `${DEMO_SKU_PREFIX}${category.code}-${String(i + 1).padStart(3, "0")}`,
        name,
        description: `${category.name}.`,
        unitPrice: price,
        unitCost: Math.round(price * category.costShare * (0.9 + rnd.next() * 0.2)),
        currency: DEMO_CURRENCY,
        taxRateBps: category.taxRateBps,
        stock: rnd.int(threshold + 5, threshold + 140),
        lowStockThreshold: threshold,
        category,
      };
    }),
  );
  // A few shelves running low, two of them empty.
  for (const [i, index] of [3, 14, 27, 30, 41, 52, 55, 58].entries()) {
    const p = products[index]!;
    p.stock = i < 2 ? 0 : rnd.int(1, p.lowStockThreshold);
  }

  const customerId = ids("c");
  const customers = Array.from({ length: customerCount }, (_, i) => {
    const first = rnd.pick(FIRST);
    const last = rnd.pick(LAST);
    // A third were customers before the year began; the rest joined through it.
    const joined = i < customerCount / 3 ? addDays(firstDay, -rnd.int(1, 700)) : addDays(firstDay, rnd.int(0, 360));
    const createdAt = localInstant(joined, rnd.int(8 * 3600, 19 * 3600));
    return {
      id: customerId(),
      name: `${first} ${last}`,
      email: `${first}.${last}.${i + 1}@demo.opsdeck.test`.toLowerCase(),
      phone: `+1 212 555 ${String(1000 + i).slice(-4)}`,
      createdAt: createdAt.getTime() > endMs ? new Date(endMs - 86_400_000) : createdAt,
      // Regulars buy far more often than the rest.
      weight: i % 9 === 0 ? 12 : i % 4 === 0 ? 4 : 1,
    };
  });
  const customerWeights = customers.map((c) => [c, c.weight] as const);
  const productWeights = CATEGORIES.map((c) => [c, c.weight] as const);
  const productsOf = new Map(CATEGORIES.map((c) => [c, products.filter((p) => p.category === c)]));

  type Sale = {
    id: string;
    at: Date;
    staffId: string;
    customerId: string | null;
    paymentMethod: string;
    lines: { product: (typeof products)[number]; quantity: number; discount: number }[];
    orderDiscount: number;
  };
  const saleId = ids("t");
  const sales: Sale[] = [];
  for (let d = 0; d < 365; d++) {
    const date = addDays(firstDay, d);
    const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
    const month = Number(date.slice(5, 7));
    const season = month === 12 ? 1.45 : month === 11 ? 1.15 : month >= 7 && month <= 8 ? 0.82 : 1;
    const trend = 0.85 + (0.3 * d) / 364;
    const count = Math.round(salesPerDay * WEEKDAY_FACTOR[weekday]! * season * trend * (0.85 + rnd.next() * 0.3));
    for (let k = 0; k < count; k++) {
      const hour = rnd.weighted(HOUR_WEIGHTS);
      const at = localInstant(date, hour * 3600 + rnd.int(0, 3599));
      if (at.getTime() > endMs) continue;
      let customer: (typeof customers)[number] | null = null;
      if (rnd.next() < 0.45) {
        const c = rnd.weighted(customerWeights);
        if (c.createdAt.getTime() < at.getTime()) customer = c;
      }
      const lineCount = rnd.weighted([[1, 45], [2, 32], [3, 15], [4, 8]] as const);
      const lines: Sale["lines"] = [];
      for (let l = 0; l < lineCount; l++) {
        const category = rnd.weighted(productWeights);
        const product = rnd.pick(productsOf.get(category)!);
        if (lines.some((x) => x.product === product)) continue;
        const quantity = category.code === "DRK" || category.code === "BAK" ? rnd.weighted([[1, 80], [2, 16], [3, 4]] as const) : 1;
        const discount = rnd.next() < 0.04 ? Math.round(product.unitPrice * quantity * 0.2) : 0;
        lines.push({ product, quantity, discount });
      }
      const gross = lines.reduce((s, l) => s + l.product.unitPrice * l.quantity - l.discount, 0);
      const orderDiscount = rnd.next() < 0.08 ? Math.round(gross * rnd.pick([0.05, 0.1, 0.15])) : 0;
      // Later hires sell only after they started; the busiest shifts belong to the longest-serving.
      const hired = staff.filter((s) => s.hired <= date);
      const working = hired.length ? hired : staff;
      const member = rnd.weighted(working.map((s) => [s, s.weight] as const));
      sales.push({
        id: saleId(),
        at,
        staffId: member.id,
        customerId: customer?.id ?? null,
        paymentMethod: rnd.weighted(PAYMENTS),
        lines,
        orderDiscount,
      });
    }
  }
  sales.sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));

  const last = await db.transaction.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  let number = last?.number ?? 0;
  const lineId = ids("l");
  const refundId = ids("r");
  const refundLineId = ids("rl");
  const transactionRows: Row[] = [];
  const lineRows: Row[] = [];
  const refundRows: Row[] = [];
  const refundLineRows: Row[] = [];
  let voids = 0;

  for (const sale of sales) {
    const totals = computeTotals(
      sale.lines.map((l) => ({ unitPrice: l.product.unitPrice, quantity: l.quantity, taxRateBps: l.product.taxRateBps, discount: l.discount })),
      sale.orderDiscount,
    );
    const lines = soldLines(sale.lines, totals.lines, lineId).map((line) => ({ ...line, transactionId: sale.id }));
    let status = "completed";
    let refundedAmount = 0;
    let voidedAt: Date | null = null;
    const roll = rnd.next();
    if (roll < 0.012) {
      status = "voided";
      voidedAt = new Date(Math.min(sale.at.getTime() + rnd.int(1, 15) * 60_000, endMs));
      voids++;
    } else if (roll < 0.045) {
      const refundAt = new Date(sale.at.getTime() + rnd.int(1, 10 * 24) * 3_600_000);
      if (refundAt.getTime() <= endMs) {
        const full = rnd.next() < 0.55 || (lines.length === 1 && lines[0]!.quantity === 1);
        const refundedLines = full ? lines : [lines[0]!];
        const id = refundId();
        let amount = 0;
        for (const line of refundedLines) {
          const quantity = full ? line.quantity : 1;
          const value = refundAmountFor(line, quantity);
          line.refundedQuantity += quantity;
          line.refundedAmount += value;
          amount += value;
          refundLineRows.push({ id: refundLineId(), refundId: id, lineId: line.id, quantity, amount: value });
        }
        refundRows.push({
          id,
          transactionId: sale.id,
          amount,
          reason: rnd.pick(["Changed their mind", "Wrong item", "Damaged", "Order mix-up"]),
          createdById: sale.staffId,
          createdAt: refundAt,
        });
        refundedAmount = amount;
        status = refundedAmount >= totals.total ? "refunded" : "partially_refunded";
      }
    }
    transactionRows.push({
      id: sale.id,
      number: ++number,
      customerId: sale.customerId,
      staffId: sale.staffId,
      occurredAt: sale.at,
      currency: DEMO_CURRENCY,
      subtotal: totals.subtotal,
      discount: totals.discount,
      tax: totals.tax,
      total: totals.total,
      refundedAmount,
      paymentMethod: sale.paymentMethod,
      status,
      voidedAt,
      voidedById: voidedAt ? sale.staffId : null,
      voidReason: voidedAt ? "Rang up by mistake" : null,
      createdById: sale.staffId,
      createdAt: sale.at,
      updatedAt: voidedAt ?? sale.at,
    });
    lineRows.push(...lines);
  }

  await db.$transaction(
    async (tx) => {
      await tx.user.createMany({
        data: staff.map((s) => ({
          id: s.id,
          username: `demo.${s.first}.${s.last}`.toLowerCase(),
          email: `${s.first}.${s.last}@demo.opsdeck.test`.toLowerCase(),
          firstName: s.first,
          lastName: s.last,
          dateOfBirth: prismaDay(`19${80 + s.n * 2}-0${s.n}-1${s.n}`),
          passwordHash,
          emailVerifiedAt: prismaDay(s.hired),
          staffApproval: "approved",
          staffRequestedAt: prismaDay(s.hired),
          staffDecidedAt: prismaDay(s.hired),
          passwordChangedAt: prismaDay(s.hired),
          createdAt: prismaDay(s.hired),
        })),
      });
      await tx.userRole.createMany({ data: staff.map((s) => ({ userId: s.id, roleId: staffRole.id })) });
      await tx.staffProfile.createMany({
        data: staff.map((s) => ({
          userId: s.id,
          employeeNumber: `DEMO-${String(s.n).padStart(3, "0")}`,
          phone: `+1 212 555 01${String(s.n).padStart(2, "0")}`,
          hiredOn: prismaDay(s.hired),
        })),
      });
      await tx.product.createMany({
        data: products.map(({ category: _category, ...p }) => ({ ...p, createdAt: localInstant(addDays(firstDay, -30), 9 * 3600) })),
      });
      const insert = (table: string, rows: Row[]) => insertRows(tx, options.provider, table, rows);
      await insert(
        "Customer",
        customers.map(({ weight: _weight, ...c }) => ({ ...c, version: 1, updatedAt: c.createdAt })),
      );
      await insert("Transaction", transactionRows);
      await insert("TransactionLine", lineRows);
      await insert("Refund", refundRows);
      await insert("RefundLine", refundLineRows);
    },
    { timeout: 300_000, maxWait: 30_000 },
  );

  return {
    created: true,
    customers: customers.length,
    products: products.length,
    staff: staff.length,
    transactions: transactionRows.length,
    lines: lineRows.length,
    refunds: refundRows.length,
    voids,
    from: firstDay,
    to: lastDay,
    seconds: (performance.now() - started) / 1000,
  };
}
