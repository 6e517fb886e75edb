// Shared fixtures of the customer DAL and route tests: viewers by permission, a marker that
// isolates one file's customers in the shared test database, and a sale attached to a customer.
import { db } from "@/lib/db";
import { uniqueName } from "@/test/helpers";

/** A transaction row of `customerId` (the customer can then only be archived, not deleted). */
export async function saleFor(customerId: string, staffId: string) {
  const last = await db.transaction.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  return db.transaction.create({
    data: {
      number: (last?.number ?? 0) + 1 + Math.floor(Math.random() * 1000),
      customerId,
      staffId,
      currency: "EUR",
      subtotal: 1000,
      tax: 0,
      total: 1000,
      paymentMethod: "cash",
    },
    select: { id: true },
  });
}

export function marker(prefix = "cu"): string {
  return uniqueName(prefix);
}

/** Customers whose name starts with `prefix` (tests of the HTTP layer may not import lib/db). */
export function countCustomersNamed(prefix: string) {
  return db.customer.count({ where: { name: { startsWith: prefix } } });
}
