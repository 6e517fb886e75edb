// Rows for the transactions integration and HTTP tests, written straight to the database:
// products with a known price, tax rate and stock, and customers to sell to.
import { db } from "@/lib/db";
import { uniqueName } from "@/test/helpers";

export async function testProduct(
  options: {
    unitPrice?: number;
    unitCost?: number;
    taxRateBps?: number;
    stock?: number;
    currency?: string;
    active?: boolean;
    name?: string;
  } = {},
) {
  const sku = uniqueName("SKU-").toUpperCase();
  return db.product.create({
    data: {
      sku,
      name: options.name ?? `Product ${sku}`,
      unitPrice: options.unitPrice ?? 1000,
      unitCost: options.unitCost ?? 400,
      currency: options.currency ?? "USD",
      taxRateBps: options.taxRateBps ?? 0,
      stock: options.stock ?? 10,
      active: options.active ?? true,
    },
    select: { id: true, sku: true, name: true, stock: true, version: true },
  });
}

export async function testCustomer(options: { archived?: boolean } = {}) {
  const name = uniqueName("Customer ");
  return db.customer.create({
    data: {
      name,
      email: `${name.replace(/\s/g, "").toLowerCase()}@example.com`,
      archivedAt: options.archived ? new Date() : null,
    },
    select: { id: true, name: true },
  });
}

export async function stockOf(productId: string): Promise<number> {
  return (await db.product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } })).stock;
}

/** Bans a key's owner (the key must stop working on the next request). */
export async function banOwner(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { status: "banned", bannedAt: new Date() } });
}
