// The authorization matrix's entries for one area: Transactions (lib/data/transactions, /records/transactions, /api/v1/transactions).
// Merged into test/authz/access-policy.ts; the shapes and rules are documented there.
//
// The sales the cases act on are written straight to the database (a fresh product with stock and
// a completed sale of it), so an allowed call really records, voids or refunds, and a refused one
// must leave them as they were. The database module is imported inside the factories only: the
// page suite (e2e) loads this file too and never calls them.
import type { AreaPolicy, RouteCase } from "../access-policy";
import { perm } from "../access";
import { missingId, type Fixtures } from "../fixtures";

async function database() {
  return (await import("../../../lib/db")).db;
}

async function freshProduct(stock = 50) {
  const db = await database();
  const sku = `MX-${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
  return db.product.create({
    data: { sku, name: `Matrix ${sku}`, unitPrice: 500, unitCost: 200, currency: "USD", stock },
    select: { id: true },
  });
}

/** A completed sale of two units of a fresh product, by a fresh staff member. */
export async function freshSale(f: Fixtures) {
  const db = await database();
  const [product, seller] = [await freshProduct(), await f.user({ role: "staff" })];
  const last = await db.transaction.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  const sale = await db.transaction.create({
    data: {
      number: (last?.number ?? 0) + 1,
      staffId: seller.id,
      currency: "USD",
      subtotal: 1000,
      tax: 0,
      total: 1000,
      paymentMethod: "cash",
      lines: {
        create: {
          position: 0,
          productId: product.id,
          productName: "Matrix product",
          sku: "MX",
          quantity: 2,
          unitPrice: 500,
          unitCost: 200,
          taxRateBps: 0,
          tax: 0,
          total: 1000,
        },
      },
    },
    select: { id: true, version: true, lines: { select: { id: true } } },
  });
  return { id: sale.id, version: sale.version, lineId: sale.lines[0]!.id, productId: product.id };
}

const saleCase = (label: string, body: unknown): RouteCase => ({
  label,
  setup: async (f) => ({ params: { id: (await freshSale(f)).id }, body }),
});

const saleActionCase = (label: string, build: (sale: Awaited<ReturnType<typeof freshSale>>) => unknown[]) => ({
  label,
  setup: async (f: Fixtures) => ({ args: build(await freshSale(f)) }),
});

export const transactionsPolicy: AreaPolicy = {
  actions: {
    "lib/actions/transactions/create-transaction.ts#createTransactionAction": {
      access: perm("transactions.write"),
      cases: [
        {
          label: "a sale of a fresh product",
          setup: async () => ({
            args: [{ paymentMethod: "card", lines: [{ productId: (await freshProduct()).id, quantity: 1 }] }],
          }),
        },
      ],
    },
    "lib/actions/transactions/void-transaction.ts#voidTransactionAction": {
      access: perm("transactions.write"),
      cases: [saleActionCase("a fresh sale", (s) => [s.id, { reason: "authorization matrix" }, s.version])],
    },
    "lib/actions/transactions/refund-transaction.ts#refundTransactionAction": {
      access: perm("transactions.write"),
      cases: [
        saleActionCase("one unit of a fresh sale", (s) => [
          s.id,
          { reason: "authorization matrix", lines: [{ lineId: s.lineId, quantity: 1 }] },
          s.version,
        ]),
      ],
    },
    // The "New sale" pickers read through the products and customers DAL.
    "lib/actions/transactions/search-sale-products.ts#searchSaleProductsAction": {
      access: perm("products.read"),
      cases: [{ label: "a search", setup: async () => ({ args: ["matrix"] }) }],
    },
    "lib/actions/transactions/search-sale-customers.ts#searchSaleCustomersAction": {
      access: perm("customers.read"),
      cases: [{ label: "a search", setup: async () => ({ args: ["matrix"] }) }],
    },
  },
  routes: {
    "GET /api/v1/transactions": { access: perm("transactions.read") },
    "POST /api/v1/transactions": {
      access: perm("transactions.write"),
      cases: [
        {
          label: "a sale of a fresh product",
          setup: async () => ({
            body: { paymentMethod: "cash", lines: [{ productId: (await freshProduct()).id, quantity: 1 }] },
          }),
        },
      ],
    },
    "GET /api/v1/transactions/[id]": {
      access: perm("transactions.read"),
      cases: [
        saleCase("a fresh sale", undefined),
        { label: "an id that matches nothing", setup: async () => ({ params: { id: missingId() } }) },
      ],
    },
    "POST /api/v1/transactions/[id]/void": {
      access: perm("transactions.write"),
      cases: [saleCase("a fresh sale", { reason: "authorization matrix" })],
    },
    "GET /api/v1/transactions/export": { access: perm("transactions.read") },
    "POST /api/v1/transactions/[id]/refund": {
      access: perm("transactions.write"),
      cases: [saleCase("a fresh sale, in full", { reason: "authorization matrix" })],
    },
  },
  pages: {
    "/records/transactions": { access: perm("transactions.read") },
    "/records/transactions/new": { access: perm("transactions.write") },
    // The page suite's fixtures cannot make sales; a missing id shows the refusal is the same.
    "/records/transactions/[id]": {
      access: perm("transactions.read"),
      cases: [
        { label: "an id that matches nothing", notFound: true, setup: async () => ({ params: { id: missingId() } }) },
      ],
    },
  },
};
