// Records a sale. Everything happens in one database transaction: validate, load the products
// (active, one currency), compute the totals on the server (compute-totals.ts), take the stock
// with conditional updates (`stock >= quantity`), so that an oversell, including two tills selling
// the last unit at once, is refused and nothing is written, allocate the next receipt number,
// snapshot each product's name, SKU, price, cost and tax rate into its line, and audit.
//
// Stock is taken once per product (quantities of repeated lines added up), in product id order:
// two sales of the same products then lock rows in the same order and cannot deadlock on
// PostgreSQL. The receipt number is max + 1; two sales committing at once may pick the same one,
// and the unique index refuses the later: it is retried from the start.
import "server-only";
import { db, dbProvider, type Tx } from "@/lib/db";
import { staffMemberWhere } from "@/lib/data/staff-records/staff-member";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { transactionName } from "@/lib/audit/target-name";
import { ConflictError, ForbiddenError, ValidationError, type FieldErrors } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { createTransactionSchema } from "@/lib/validations/transaction";
import { computeTotals } from "@/lib/data/transactions/compute-totals";
import { parseInput } from "@/lib/data/transactions/parse-input";
import {
  toTransactionRecord,
  transactionRecordSelect,
  type TransactionRecord,
} from "@/lib/data/transactions/transaction-record";

const NUMBER_ATTEMPTS = 8;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}

function fail(field: string, message: string): never {
  throw new ValidationError({ [field]: [message] });
}

export async function createTransaction(
  actor: Actor | null,
  input: unknown,
  ctx: RequestContext,
): Promise<TransactionRecord> {
  requirePermission(actor, "transactions.write");
  const data = parseInput(createTransactionSchema, input);
  const staffId = data.staffId ?? actor.userId;
  if (staffId !== actor.userId && !actor.permissions.has("staff.write")) {
    throw new ForbiddenError("Only someone who may edit staff records can record a sale for another staff member.");
  }

  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => record(tx, actor, { ...data, staffId }, ctx));
    } catch (error) {
      if (isUniqueViolation(error) && attempt < NUMBER_ATTEMPTS) continue;
      throw error;
    }
  }
}

type Data = ReturnType<typeof createTransactionSchema.parse> & { staffId: string };

async function record(tx: Tx, actor: Actor, data: Data, ctx: RequestContext): Promise<TransactionRecord> {
  if (data.staffId !== actor.userId) {
    // Credited to someone else: only to an active member of staff (not a service account, not any account).
    const staff = await tx.user.findFirst({
      where: { id: data.staffId, status: "active", ...staffMemberWhere },
      select: { id: true },
    });
    if (!staff) fail("staffId", "No active staff member has this id.");
  }
  if (data.customerId) {
    const customer = await tx.customer.findUnique({ where: { id: data.customerId }, select: { archivedAt: true } });
    if (!customer) fail("customerId", "No customer has this id.");
    if (customer.archivedAt) fail("customerId", "This customer is archived; restore them before recording a sale.");
  }

  const productIds = [...new Set(data.lines.map((l) => l.productId))];
  const products = await tx.product.findMany({
    where: { id: { in: productIds } },
    select: {
      id: true,
      sku: true,
      name: true,
      unitPrice: true,
      unitCost: true,
      currency: true,
      taxRateBps: true,
      active: true,
      archivedAt: true,
    },
  });
  const byId = new Map(products.map((p) => [p.id, p]));
  const errors: FieldErrors = {};
  const currency = byId.get(data.lines[0]!.productId)?.currency;
  data.lines.forEach((line, i) => {
    const product = byId.get(line.productId);
    const field = `lines.${i}.productId`;
    if (!product) errors[field] = ["No product has this id."];
    else if (!product.active || product.archivedAt)
      errors[field] = [`${product.name} (${product.sku}) is not for sale.`];
    else if (product.currency !== currency) {
      errors[field] = [`${product.name} is priced in ${product.currency}; a sale is in one currency (${currency}).`];
    } else if (line.discount > product.unitPrice * line.quantity) {
      errors[`lines.${i}.discount`] = ["The line discount is more than the line's amount."];
    }
  });
  if (Object.keys(errors).length) throw new ValidationError(errors);

  const lines = data.lines.map((line) => ({ ...line, product: byId.get(line.productId)! }));
  const totals = computeTotals(
    lines.map((l) => ({
      unitPrice: l.product.unitPrice,
      quantity: l.quantity,
      taxRateBps: l.product.taxRateBps,
      discount: l.discount,
    })),
    data.discount,
  );
  if (data.discount > totals.subtotal) fail("discount", "The order discount is more than the sale's amount.");

  // Take the stock: one conditional decrement per product, in id order.
  const wanted = new Map<string, number>();
  for (const l of lines) wanted.set(l.productId, (wanted.get(l.productId) ?? 0) + l.quantity);
  for (const productId of [...wanted.keys()].sort()) {
    const quantity = wanted.get(productId)!;
    const taken = await tx.product.updateMany({
      where: { id: productId, stock: { gte: quantity } },
      // A stock change is a change of the product: its version (ETag) moves, so a stale edit is refused.
      data: { stock: { decrement: quantity }, version: { increment: 1 } },
    });
    if (taken.count === 0) {
      const product = byId.get(productId)!;
      const left = (await tx.product.findUnique({ where: { id: productId }, select: { stock: true } }))?.stock ?? 0;
      const fields: FieldErrors = {};
      lines.forEach((l, i) => {
        if (l.productId === productId) fields[`lines.${i}.quantity`] = [`Only ${Math.max(0, left)} in stock.`];
      });
      throw new ConflictError(
        `Not enough stock of ${product.name} (${product.sku}): ${Math.max(0, left)} left, the sale needs ${quantity}.`,
        fields,
      );
    }
  }

  if (dbProvider === "postgresql") {
    // Receipt numbers are max + 1: concurrent sales of different products would otherwise all read
    // the same max and collide until the retries run out. Held to the end of this transaction
    // (its audit append serialises there anyway); SQLite writers are serialised already.
    await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(424243)");
  }
  const last = await tx.transaction.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  const created = await tx.transaction.create({
    data: {
      number: (last?.number ?? 0) + 1,
      customerId: data.customerId ?? null,
      staffId: data.staffId,
      currency: currency!,
      subtotal: totals.subtotal,
      discount: totals.discount,
      tax: totals.tax,
      total: totals.total,
      paymentMethod: data.paymentMethod,
      status: "completed",
      note: data.note,
      createdById: actor.userId,
      lines: {
        create: lines.map((l, position) => {
          const t = totals.lines[position]!;
          return {
            position,
            productId: l.productId,
            productName: l.product.name,
            sku: l.product.sku,
            quantity: l.quantity,
            unitPrice: l.product.unitPrice,
            unitCost: l.product.unitCost,
            taxRateBps: l.product.taxRateBps,
            discount: t.discount,
            orderDiscount: t.orderDiscount,
            tax: t.tax,
            total: t.total,
          };
        }),
      },
    },
    select: transactionRecordSelect,
  });
  await audit(
    {
      action: "transaction.created",
      actorId: actor.userId,
      targetType: "transaction",
      targetId: created.id,
      targetName: transactionName(created.number),
      metadata: {
        number: created.number,
        total: created.total,
        currency: created.currency,
        lines: lines.length,
        ...(data.staffId !== actor.userId ? { staffId: data.staffId } : {}),
      },
      context: ctx,
    },
    tx,
  );
  return toTransactionRecord(created);
}
