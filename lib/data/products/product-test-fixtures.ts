// Fixtures for the products integration tests (DAL and HTTP): products written straight to the
// table with a unique SKU marker, and a one-line sale naming a product (so "delete" must archive).
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

export function uniqueSku(prefix = "T"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`.toUpperCase();
}

export async function makeProduct(overrides: Partial<Parameters<typeof db.product.create>[0]["data"]> = {}) {
  return db.product.create({
    data: {
      sku: uniqueSku(),
      name: "Fixture product",
      unitPrice: 1250,
      unitCost: 700,
      currency: "USD",
      taxRateBps: 825,
      stock: 10,
      lowStockThreshold: 3,
      ...overrides,
    },
    select: { id: true, sku: true, version: true, name: true },
  });
}

let receiptNumber = 0;

/** A completed one-line sale of `productId` by `staffId` (no stock is taken: only the line matters here). */
export async function makeSaleOf(productId: string, staffId: string) {
  const product = await db.product.findUniqueOrThrow({ where: { id: productId } });
  // Receipt numbers are unique across the shared test database: far above what other tests use.
  receiptNumber = receiptNumber || 900_000_000 + Math.floor(Math.random() * 90_000_000);
  receiptNumber += 1;
  return db.transaction.create({
    data: {
      number: receiptNumber,
      staffId,
      currency: product.currency,
      subtotal: product.unitPrice,
      tax: 0,
      total: product.unitPrice,
      paymentMethod: "cash",
      lines: {
        create: {
          position: 0,
          productId,
          productName: product.name,
          sku: product.sku,
          quantity: 1,
          unitPrice: product.unitPrice,
          unitCost: product.unitCost,
          taxRateBps: 0,
          tax: 0,
          total: product.unitPrice,
        },
      },
    },
    select: { id: true },
  });
}

/** The stored row (or null), for HTTP tests that check what a call left behind. */
export function productRow(id: string) {
  return db.product.findUnique({ where: { id } });
}

export function productRowBySku(sku: string) {
  return db.product.findUnique({ where: { sku } });
}

export function countProductsWithSku(skus: string[]) {
  return db.product.count({ where: { sku: { in: skus } } });
}

/** Bans a user directly (as an admin would), for "a banned owner's key is refused". */
export async function banUserRow(userId: string) {
  await db.user.update({ where: { id: userId }, data: { status: "banned", bannedAt: new Date() } });
}
