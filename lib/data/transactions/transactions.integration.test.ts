import { describe, expect, it } from "vitest";
import { db, dbProvider } from "@/lib/db";
import type { AppError, FieldErrors } from "@/lib/errors";
import { createTransaction } from "@/lib/data/transactions/create-transaction";
import { getTransaction } from "@/lib/data/transactions/get-transaction";
import { listCustomerTransactions } from "@/lib/data/transactions/list-customer-transactions";
import { listTransactions } from "@/lib/data/transactions/list-transactions";
import { refundTransaction } from "@/lib/data/transactions/refund-transaction";
import { voidTransaction } from "@/lib/data/transactions/void-transaction";
import { stockOf, testCustomer, testProduct } from "@/lib/data/transactions/test-fixtures";
import { parseTransactionListQuery } from "@/lib/validations/transaction-list-query";
import { viewerWithPermissions, viewerWithRole } from "@/test/role-viewers";
import { testContext } from "@/test/helpers";

async function refusal(promise: Promise<unknown>): Promise<AppError & { fieldErrors?: FieldErrors }> {
  try {
    await promise;
  } catch (error) {
    return error as AppError & { fieldErrors?: FieldErrors };
  }
  throw new Error("expected a refusal");
}

describe(`transactions DAL (${dbProvider})`, () => {
  it("records a sale: server totals, snapshots, stock taken, increasing numbers, audited", async () => {
    const staff = await viewerWithRole("staff");
    const a = await testProduct({ unitPrice: 1250, unitCost: 600, taxRateBps: 825, stock: 5 });
    const b = await testProduct({ unitPrice: 799, stock: 9 });
    const customer = await testCustomer();
    const sale = await createTransaction(
      staff,
      {
        customerId: customer.id,
        paymentMethod: "card",
        lines: [
          { productId: a.id, quantity: 2, discount: 100 },
          { productId: b.id, quantity: 3 },
        ],
        discount: 500,
        total: 1, // ignored: totals are the server's
      },
      testContext(),
    );
    expect(sale).toMatchObject({
      subtotal: 4797,
      discount: 500,
      tax: 177,
      total: 4474,
      status: "completed",
      currency: "USD",
    });
    expect(sale.staff.id).toBe(staff.userId);
    expect(sale.customer?.id).toBe(customer.id);
    // The answer is built in memory from what was written: it is the record every reader shows.
    expect(await getTransaction(staff, sale.id)).toEqual(sale);
    expect(sale.lines.map((l) => [l.sku, l.unitPrice, l.unitCost, l.taxRateBps, l.orderDiscount, l.total])).toEqual([
      [a.sku, 1250, 600, 825, 250, 2327],
      [b.sku, 799, 400, 0, 250, 2147],
    ]);
    expect(await stockOf(a.id)).toBe(3);
    expect(await stockOf(b.id)).toBe(6);
    // Taking stock changes the product: its version moves, so an edit made against the old one is refused.
    expect((await db.product.findUniqueOrThrow({ where: { id: a.id } })).version).toBe(a.version + 1);

    // The price changes later; the receipt keeps what was charged.
    await db.product.update({ where: { id: a.id }, data: { unitPrice: 9999, name: "Renamed" } });
    const again = await getTransaction(staff, sale.id);
    expect(again.lines[0]).toMatchObject({ unitPrice: 1250, productName: a.name });

    const next = await createTransaction(
      staff,
      { paymentMethod: "cash", lines: [{ productId: b.id, quantity: 1 }] },
      testContext(),
    );
    expect(next.number).toBeGreaterThan(sale.number);
    expect(next.customer).toBeNull();
    const events = await db.auditEvent.findMany({
      where: { targetId: sale.id },
      select: { action: true, actorId: true },
    });
    expect(events).toEqual([{ action: "transaction.created", actorId: staff.userId }]);
  });

  it("refuses an oversell naming the product, and writes nothing", async () => {
    const staff = await viewerWithRole("staff");
    const plenty = await testProduct({ stock: 10 });
    const scarce = await testProduct({ stock: 1, name: "Last Lamp" });
    const before = await db.transaction.count();
    const error = await refusal(
      createTransaction(
        staff,
        {
          paymentMethod: "cash",
          lines: [
            { productId: plenty.id, quantity: 2 },
            { productId: scarce.id, quantity: 2 },
          ],
        },
        testContext(),
      ),
    );
    expect(error.status).toBe(409);
    expect(error.message).toContain("Last Lamp");
    expect(error.fieldErrors?.["lines.1.quantity"]).toEqual(["Only 1 in stock."]);
    expect(await stockOf(plenty.id)).toBe(10);
    expect(await stockOf(scarce.id)).toBe(1);
    expect(await db.transaction.count()).toBe(before);
  });

  it("refuses bad lines and references with field errors", async () => {
    const staff = await viewerWithRole("staff");
    const usd = await testProduct();
    const eur = await testProduct({ currency: "EUR" });
    const inactive = await testProduct({ active: false });
    const archived = await testCustomer({ archived: true });
    const mixed = await refusal(
      createTransaction(
        staff,
        {
          paymentMethod: "cash",
          lines: [
            { productId: usd.id, quantity: 1, discount: 5000 },
            { productId: eur.id, quantity: 1 },
            { productId: inactive.id, quantity: 1 },
            { productId: "nosuchproduct", quantity: 1 },
          ],
        },
        testContext(),
      ),
    );
    expect(mixed.status).toBe(422);
    expect(Object.keys(mixed.fieldErrors ?? {}).sort()).toEqual(
      ["lines.0.discount", "lines.1.productId", "lines.2.productId", "lines.3.productId"].sort(),
    );
    const customer = await refusal(
      createTransaction(
        staff,
        { customerId: archived.id, paymentMethod: "cash", lines: [{ productId: usd.id, quantity: 1 }] },
        testContext(),
      ),
    );
    expect(customer.fieldErrors?.customerId?.[0]).toMatch(/archived/);
    const missing = await refusal(
      createTransaction(
        staff,
        { customerId: "nobody", paymentMethod: "cash", lines: [{ productId: usd.id, quantity: 1 }] },
        testContext(),
      ),
    );
    expect(missing.fieldErrors?.customerId).toBeTruthy();
  });

  it("credits another staff member only for someone who may edit staff records", async () => {
    const staff = await viewerWithRole("staff");
    const manager = await viewerWithRole("manager");
    const p = await testProduct();
    const input = { staffId: staff.userId, paymentMethod: "cash", lines: [{ productId: p.id, quantity: 1 }] };
    const sale = await createTransaction(manager, input, testContext());
    expect(sale.staff.id).toBe(staff.userId);
    const refused = await refusal(createTransaction(staff, { ...input, staffId: manager.userId }, testContext()));
    expect(refused.status).toBe(403);
    const reader = await viewerWithPermissions(["transactions.read"]);
    expect((await refusal(createTransaction(reader, input, testContext()))).status).toBe(403);
    expect((await refusal(createTransaction(null, input, testContext()))).status).toBe(401);
    // Only to a member of staff: not to a manager who is not one, nor to a service account.
    const notStaff = await refusal(
      createTransaction(manager, { ...input, staffId: manager.userId + "x" }, testContext()),
    );
    expect(notStaff.fieldErrors?.staffId).toBeTruthy();
    const other = await viewerWithRole("manager");
    const toManager = await refusal(createTransaction(manager, { ...input, staffId: other.userId }, testContext()));
    expect(toManager.fieldErrors?.staffId).toBeTruthy();
  });

  it("sells the last unit exactly once when several sales race for it", async () => {
    const staffs = await Promise.all([1, 2, 3, 4, 5].map(() => viewerWithRole("staff")));
    const last = await testProduct({ stock: 1 });
    const results = await Promise.allSettled(
      staffs.map((s) =>
        createTransaction(s, { paymentMethod: "cash", lines: [{ productId: last.id, quantity: 1 }] }, testContext()),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused.map((r) => (r.reason as AppError).status)).toEqual([409, 409, 409, 409]);
    expect(await stockOf(last.id)).toBe(0);
    expect(await db.transactionLine.count({ where: { productId: last.id } })).toBe(1);
  });

  it("gives racing sales of different products distinct receipt numbers", async () => {
    const staff = await viewerWithRole("staff");
    const products = await Promise.all([1, 2, 3, 4].map(() => testProduct()));
    const sales = await Promise.all(
      products.map((p) =>
        createTransaction(staff, { paymentMethod: "card", lines: [{ productId: p.id, quantity: 1 }] }, testContext()),
      ),
    );
    expect(new Set(sales.map((s) => s.number)).size).toBe(4);
  });

  it("voids a sale once: stock restored except what was refunded, version checked", async () => {
    const staff = await viewerWithRole("staff");
    const p = await testProduct({ stock: 10 });
    const q = await testProduct({ stock: 10 });
    const sale = await createTransaction(
      staff,
      {
        paymentMethod: "cash",
        lines: [
          { productId: p.id, quantity: 3 },
          { productId: q.id, quantity: 2 },
        ],
      },
      testContext(),
    );
    const refunded = await refundTransaction(
      staff,
      sale.id,
      { lines: [{ lineId: sale.lines[0]!.id, quantity: 1 }] },
      testContext(),
    );
    expect(await stockOf(p.id)).toBe(8);
    expect(
      (await refusal(voidTransaction(staff, sale.id, { reason: "typo" }, testContext(), sale.version))).status,
    ).toBe(412);
    expect((await refusal(voidTransaction(staff, sale.id, { reason: " " }, testContext()))).status).toBe(422);
    const voided = await voidTransaction(staff, sale.id, { reason: "Rang up twice" }, testContext(), refunded.version);
    expect(voided).toMatchObject({ status: "voided", voidReason: "Rang up twice", version: refunded.version + 1 });
    expect(await stockOf(p.id)).toBe(10);
    expect(await stockOf(q.id)).toBe(10);
    const twice = await refusal(voidTransaction(staff, sale.id, { reason: "again" }, testContext()));
    expect(twice.status).toBe(409);
    expect(await stockOf(p.id)).toBe(10);
    expect((await refusal(voidTransaction(staff, "nosuchid", { reason: "x" }, testContext()))).status).toBe(404);
  });

  it("refunds by line and in full: amounts add up to the total, never more than sold", async () => {
    const staff = await viewerWithRole("staff");
    const p = await testProduct({ unitPrice: 1000, stock: 10 });
    const q = await testProduct({ unitPrice: 333, taxRateBps: 1000, stock: 10 });
    const sale = await createTransaction(
      staff,
      {
        paymentMethod: "card",
        lines: [
          { productId: p.id, quantity: 3 },
          { productId: q.id, quantity: 1 },
        ],
        discount: 100,
      },
      testContext(),
    );
    const [lp, lq] = sale.lines;
    const first = await refundTransaction(
      staff,
      sale.id,
      { reason: "damaged", lines: [{ lineId: lp!.id, quantity: 1 }] },
      testContext(),
    );
    expect(first.status).toBe("partially_refunded");
    expect(first.lines[0]!.refundedQuantity).toBe(1);
    expect(first.refunds).toHaveLength(1);
    expect(first.refunds[0]!.reason).toBe("damaged");
    expect(await stockOf(p.id)).toBe(8);

    const beyond = await refusal(
      refundTransaction(staff, sale.id, { lines: [{ lineId: lp!.id, quantity: 3 }] }, testContext()),
    );
    expect(beyond.status).toBe(422);
    expect(beyond.fieldErrors?.["lines.0.quantity"]?.[0]).toMatch(/At most 2/);
    const foreign = await refusal(
      refundTransaction(staff, sale.id, { lines: [{ lineId: "notaline", quantity: 1 }] }, testContext()),
    );
    expect(foreign.fieldErrors?.["lines.0.lineId"]).toBeTruthy();

    const rest = await refundTransaction(staff, sale.id, {}, testContext());
    expect(rest.status).toBe("refunded");
    expect(rest.refundedAmount).toBe(sale.total);
    expect(rest.lines.map((l) => l.refundedAmount)).toEqual([lp!.total, lq!.total]);
    expect(rest.refunds.reduce((s, r) => s + r.amount, 0)).toBe(sale.total);
    expect(await stockOf(p.id)).toBe(10);
    expect(await stockOf(q.id)).toBe(10);
    expect((await refusal(refundTransaction(staff, sale.id, {}, testContext()))).status).toBe(409);
    expect((await refusal(voidTransaction(staff, sale.id, { reason: "x" }, testContext()))).status).toBe(409);
    const actions = await db.auditEvent.findMany({
      where: { targetId: sale.id },
      orderBy: { seq: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "transaction.created",
      "transaction.refunded",
      "transaction.refunded",
    ]);
  });

  it("lists with filters, receipt-number search and sorts; a customer's history and lifetime value", async () => {
    const staff = await viewerWithRole("staff");
    const customer = await testCustomer();
    const p = await testProduct({ unitPrice: 500, stock: 100 });
    const make = (quantity: number, paymentMethod = "cash") =>
      createTransaction(
        staff,
        { customerId: customer.id, paymentMethod, lines: [{ productId: p.id, quantity }] },
        testContext(),
      );
    const s1 = await make(1);
    const s2 = await make(2, "card");
    const s3 = await make(3);
    await voidTransaction(staff, s3.id, { reason: "test" }, testContext());
    await refundTransaction(staff, s2.id, { lines: [{ lineId: s2.lines[0]!.id, quantity: 1 }] }, testContext());

    const base = parseTransactionListQuery({ customer_id: customer.id });
    const all = await listTransactions(staff, { ...base, sort: { key: "total", direction: "asc" } }, { count: true });
    expect(all.items.map((t) => t.number)).toEqual([s1.number, s2.number, s3.number]);
    expect(all.total).toBe(3);
    const card = await listTransactions(
      staff,
      parseTransactionListQuery({ customer_id: customer.id, payment_method: "card" }),
    );
    expect(card.items.map((t) => t.id)).toEqual([s2.id]);
    const voided = await listTransactions(
      staff,
      parseTransactionListQuery({ customer_id: customer.id, status: "voided" }),
    );
    expect(voided.items.map((t) => t.id)).toEqual([s3.id]);
    const byNumber = await listTransactions(staff, parseTransactionListQuery({ q: `#${s1.number}` }));
    expect(byNumber.items.map((t) => t.id)).toEqual([s1.id]);
    expect((await listTransactions(staff, parseTransactionListQuery({ q: "lamp" }))).items).toEqual([]);
    const future = await listTransactions(
      staff,
      parseTransactionListQuery({ customer_id: customer.id, from: "2999-01-01" }),
    );
    expect(future.items).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const inDay = await listTransactions(
      staff,
      parseTransactionListQuery({ customer_id: customer.id, from: today, to: today }),
    );
    expect(inDay.items).toHaveLength(3);

    const history = await listCustomerTransactions(staff, customer.id);
    expect(history.count).toBe(3);
    expect(history.items[0]!.id).toBe(s3.id);
    // s1 500 + s2 1000 − 500 refunded; s3 voided.
    expect(history.lifetimeValue).toEqual([{ currency: "USD", amount: 1000, sales: 2 }]);
    const outsider = await viewerWithPermissions(["customers.read"]);
    expect((await refusal(listCustomerTransactions(outsider, customer.id))).status).toBe(403);
  });
});
