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
import { dbProvider } from "@/lib/db";
import { insertSql, isUniqueViolation, newId, writeTransaction, type SqlRunner } from "@/lib/db-sql";
import type { Actor } from "@/lib/auth/actor";
import { auditIn } from "@/lib/audit/audit";
import { transactionName } from "@/lib/audit/target-name";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import { staffMemberSql } from "@/lib/data/staff-records/staff-member";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { createTransactionSchema } from "@/lib/validations/transaction";
import { computeTotals } from "@/lib/data/transactions/compute-totals";
import { parseInput } from "@/lib/data/transactions/parse-input";
import { soldLines } from "@/lib/data/transactions/sold-lines";
import { toTransactionRecord, type TransactionRecord } from "@/lib/data/transactions/transaction-record";

const NUMBER_ATTEMPTS = 8;

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
      return await writeTransaction((q) => record(q, actor, { ...data, staffId }, ctx));
    } catch (error) {
      if (isUniqueViolation(error) && attempt < NUMBER_ATTEMPTS) continue;
      throw error;
    }
  }
}

type Data = ReturnType<typeof createTransactionSchema.parse> & { staffId: string };

type ProductRow = {
  id: string;
  sku: string;
  name: string;
  unitPrice: number;
  unitCost: number;
  currency: string;
  taxRateBps: number;
  active: boolean | number;
  archivedAt: Date | null;
};

// Raw statements (lib/db-sql.ts): through Prisma's query builder a sale's ~19 statements cost
// ~20 ms of CPU on these machines, which capped sales at ~35 a second.
const STAFF_SQL = `SELECT u."id", u."firstName", u."lastName", u."username" FROM "User" u
  WHERE u."id" = ? AND u."status" = 'active' AND ${staffMemberSql}`;
const SELF_SQL = `SELECT "id", "firstName", "lastName", "username" FROM "User" WHERE "id" = ?`;
const CUSTOMER_SQL = `SELECT "id", "name", "email", "archivedAt" FROM "Customer" WHERE "id" = ?`;
const PRODUCT_COLUMNS = `"id", "sku", "name", "unitPrice", "unitCost", "currency", "taxRateBps", "active", "archivedAt"`;
const TAKE_STOCK_SQL = `UPDATE "Product" SET "stock" = "stock" - ?, "version" = "version" + 1, "updatedAt" = ?
  WHERE "id" = ? AND "stock" >= ?`;
const TRANSACTION_COLUMNS = [
  "id",
  "number",
  "customerId",
  "staffId",
  "occurredAt",
  "currency",
  "subtotal",
  "discount",
  "tax",
  "total",
  "refundedAmount",
  "paymentMethod",
  "status",
  "note",
  "version",
  "createdById",
  "createdAt",
  "updatedAt",
] as const;
const LINE_COLUMNS = [
  "id",
  "transactionId",
  "position",
  "productId",
  "productName",
  "sku",
  "quantity",
  "unitPrice",
  "unitCost",
  "taxRateBps",
  "discount",
  "orderDiscount",
  "tax",
  "total",
  "refundedQuantity",
  "refundedAmount",
] as const;
const INSERT_TRANSACTION_SQL = insertSql("Transaction", TRANSACTION_COLUMNS);

type PersonRow = { id: string; firstName: string; lastName: string; username: string };

async function record(q: SqlRunner, actor: Actor, data: Data, ctx: RequestContext): Promise<TransactionRecord> {
  // Credited to someone else: only to an active member of staff (not a service account, not any account).
  const [staff] =
    data.staffId !== actor.userId
      ? await q.rows<PersonRow>(STAFF_SQL, [data.staffId])
      : await q.rows<PersonRow>(SELF_SQL, [actor.userId]);
  if (!staff) {
    if (data.staffId !== actor.userId) fail("staffId", "No active staff member has this id.");
    throw new NotFoundError("Your account is gone.");
  }
  let customer: TransactionRecord["customer"] = null;
  if (data.customerId) {
    const [row] = await q.rows<{ id: string; name: string; email: string | null; archivedAt: Date | null }>(
      CUSTOMER_SQL,
      [data.customerId],
    );
    if (!row) fail("customerId", "No customer has this id.");
    if (row.archivedAt) fail("customerId", "This customer is archived; restore them before recording a sale.");
    customer = { id: row.id, name: row.name, email: row.email };
  }

  const productIds = [...new Set(data.lines.map((l) => l.productId))];
  const products = await q.rows<ProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM "Product" WHERE "id" IN (${productIds.map(() => "?").join(", ")})`,
    productIds,
  );
  const byId = new Map(
    products.map((p) => [
      p.id,
      { ...p, unitPrice: Number(p.unitPrice), unitCost: Number(p.unitCost), taxRateBps: Number(p.taxRateBps) },
    ]),
  );
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

  // Take the stock: one conditional decrement per product, in id order. A stock change is a change
  // of the product: its version (ETag) moves, so a stale edit is refused.
  const now = new Date();
  const wanted = new Map<string, number>();
  for (const l of lines) wanted.set(l.productId, (wanted.get(l.productId) ?? 0) + l.quantity);
  for (const productId of [...wanted.keys()].sort()) {
    const quantity = wanted.get(productId)!;
    const taken = await q.run(TAKE_STOCK_SQL, [quantity, now, productId, quantity]);
    if (taken === 0) {
      const product = byId.get(productId)!;
      const [row] = await q.rows<{ stock: number | bigint }>('SELECT "stock" FROM "Product" WHERE "id" = ?', [
        productId,
      ]);
      const left = Math.max(0, Number(row?.stock ?? 0));
      const fields: FieldErrors = {};
      lines.forEach((l, i) => {
        if (l.productId === productId) fields[`lines.${i}.quantity`] = [`Only ${left} in stock.`];
      });
      throw new ConflictError(
        `Not enough stock of ${product.name} (${product.sku}): ${left} left, the sale needs ${quantity}.`,
        fields,
      );
    }
  }

  if (dbProvider === "postgresql") {
    // Receipt numbers are max + 1: concurrent sales of different products would otherwise all read
    // the same max and collide until the retries run out. Held to the end of this transaction
    // (its audit append serialises there anyway); SQLite writers are serialised already.
    await q.run("SELECT pg_advisory_xact_lock(424243)");
  }
  const [last] = await q.rows<{ number: number | bigint | null }>(
    'SELECT MAX("number") AS "number" FROM "Transaction"',
  );
  const sale = {
    id: newId(),
    number: Number(last?.number ?? 0) + 1,
    customerId: data.customerId ?? null,
    staffId: data.staffId,
    occurredAt: now,
    currency: currency!,
    subtotal: totals.subtotal,
    discount: totals.discount,
    tax: totals.tax,
    total: totals.total,
    refundedAmount: 0,
    paymentMethod: data.paymentMethod,
    status: "completed" as const,
    note: data.note ?? null,
    version: 1,
    createdById: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await q.run(
    INSERT_TRANSACTION_SQL,
    TRANSACTION_COLUMNS.map((c) => sale[c]),
  );
  const saleLines = soldLines(lines, totals.lines, newId);
  await q.run(
    insertSql("TransactionLine", LINE_COLUMNS, saleLines.length),
    saleLines.flatMap((line) => LINE_COLUMNS.map((c) => (c === "transactionId" ? sale.id : line[c]))),
  );
  await auditIn(q, {
    action: "transaction.created",
    actorId: actor.userId,
    targetType: "transaction",
    targetId: sale.id,
    targetName: transactionName(sale.number),
    metadata: {
      number: sale.number,
      total: sale.total,
      currency: sale.currency,
      lines: lines.length,
      ...(data.staffId !== actor.userId ? { staffId: data.staffId } : {}),
    },
    context: ctx,
  });
  // The record as every reader shows it: ids of the people appear only inside their objects.
  const { customerId: _customerId, staffId: _staffId, createdById: _createdById, ...shown } = sale;
  return toTransactionRecord({
    ...shown,
    voidedAt: null,
    voidReason: null,
    customer,
    staff,
    lines: saleLines,
    refunds: [],
  });
}
