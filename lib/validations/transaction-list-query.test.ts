import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import {
  parseTransactionListQuery,
  parseTransactionListQueryStrict,
  receiptNumberOf,
} from "@/lib/validations/transaction-list-query";
import { createTransactionSchema, refundTransactionSchema } from "@/lib/validations/transaction";

describe("transaction list query", () => {
  it("parses filters, dates and the sort", () => {
    const q = parseTransactionListQueryStrict(
      new URLSearchParams({
        status: "voided",
        payment_method: "card",
        from: "2026-03-01",
        to: "2026-03-02",
        sort: "-total",
      }),
    );
    expect(q.status).toBe("voided");
    expect(q.payment_method).toBe("card");
    expect(q.from).toEqual({ at: new Date("2026-03-01T00:00:00.000Z"), endOfDay: false });
    expect(q.to).toEqual({ at: new Date("2026-03-02T00:00:00.000Z"), endOfDay: true });
    expect(q.sort).toEqual({ key: "total", direction: "desc" });
    expect(parseTransactionListQueryStrict({ from: "2026-03-01T09:30:00Z" }).from?.endOfDay).toBe(false);
  });

  it("refuses bad values strictly, each by name, and drops them for pages", () => {
    const bad = {
      status: "lost",
      from: "2026-02-30",
      customer_id: "x' OR 1=1 --",
      sort: "password",
      payment_method: "gold",
    };
    try {
      parseTransactionListQueryStrict(bad);
      throw new Error("not refused");
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(
        ["customer_id", "from", "payment_method", "sort", "status"].sort(),
      );
    }
    const page = parseTransactionListQuery(bad);
    expect(page.status).toBeUndefined();
    expect(page.sort).toEqual({ key: "occurredAt", direction: "desc" });
  });

  it("reads receipt numbers", () => {
    expect(receiptNumberOf("1042")).toBe(1042);
    expect(receiptNumberOf("#7")).toBe(7);
    expect(receiptNumberOf("No. 12")).toBe(12);
    expect(receiptNumberOf("1 OR 1=1")).toBeNull();
  });
});

describe("transaction input schemas", () => {
  it("defaults discounts, drops an empty note and ignores client totals", () => {
    const parsed = createTransactionSchema.parse({
      paymentMethod: "cash",
      lines: [{ productId: "p1", quantity: 2 }],
      note: "  ",
      total: 1,
    });
    expect(parsed).toEqual({
      paymentMethod: "cash",
      lines: [{ productId: "p1", quantity: 2, discount: 0 }],
      discount: 0,
      note: null,
    });
  });

  it("names each invalid field", () => {
    const result = createTransactionSchema.safeParse({
      paymentMethod: "iou",
      lines: [{ productId: "", quantity: 0, discount: -1 }],
      discount: 1.5,
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining([
        "paymentMethod",
        "lines.0.productId",
        "lines.0.quantity",
        "lines.0.discount",
        "discount",
      ]),
    );
    expect(refundTransactionSchema.safeParse({ lines: [] }).success).toBe(false);
    expect(refundTransactionSchema.parse({})).toEqual({ reason: null });
  });
});
