import { describe, expect, it } from "vitest";
import { allocate, computeTotals, refundAmountFor, taxOf } from "@/lib/data/transactions/compute-totals";

describe("computeTotals", () => {
  it("taxes a plain line and rounds half up to the minor unit", () => {
    // 19.99 × 2 = 39.98; 8.25 % of it is 3.29835 → 3.30.
    const t = computeTotals([{ unitPrice: 1999, quantity: 2, taxRateBps: 825 }]);
    expect(t).toEqual({
      lines: [{ gross: 3998, discount: 0, orderDiscount: 0, taxable: 3998, tax: 330, total: 4328 }],
      subtotal: 3998,
      discount: 0,
      tax: 330,
      total: 4328,
    });
  });

  it("takes the line discount off before tax", () => {
    // 10.00 × 3 − 5.00 = 25.00; 10 % → 2.50.
    const t = computeTotals([{ unitPrice: 1000, quantity: 3, taxRateBps: 1000, discount: 500 }]);
    expect(t.lines[0]).toEqual({ gross: 3000, discount: 500, orderDiscount: 0, taxable: 2500, tax: 250, total: 2750 });
    expect(t.total).toBe(2750);
  });

  it("spreads the order discount by largest remainder so the parts sum exactly", () => {
    // 1.00 over 1.00 / 2.00 / 3.00: exact shares 16.67, 33.33, 50 → floors 16, 33, 50 and the
    // leftover cent to the largest remainder (the first line).
    const t = computeTotals(
      [
        { unitPrice: 100, quantity: 1, taxRateBps: 0 },
        { unitPrice: 200, quantity: 1, taxRateBps: 0 },
        { unitPrice: 300, quantity: 1, taxRateBps: 0 },
      ],
      100,
    );
    expect(t.lines.map((l) => l.orderDiscount)).toEqual([17, 33, 50]);
    expect(t.discount).toBe(100);
    expect(t.total).toBe(500);
  });

  it("combines line discounts, an order discount and per-line tax", () => {
    // A: 12.50 × 2 − 1.00 = 24.00 at 8.25 %; B: 7.99 × 3 = 23.97 untaxed; order discount 5.00.
    // Shares of 500 over 2400/2397: 250.156 and 249.844 → 250 and 249 + the leftover cent to B.
    // A: 2150 taxable, tax 177.375 → 177, total 2327. B: 2147.
    const t = computeTotals(
      [
        { unitPrice: 1250, quantity: 2, taxRateBps: 825, discount: 100 },
        { unitPrice: 799, quantity: 3, taxRateBps: 0 },
      ],
      500,
    );
    expect(t.lines).toEqual([
      { gross: 2500, discount: 100, orderDiscount: 250, taxable: 2150, tax: 177, total: 2327 },
      { gross: 2397, discount: 0, orderDiscount: 250, taxable: 2147, tax: 0, total: 2147 },
    ]);
    expect(t).toMatchObject({ subtotal: 4797, discount: 500, tax: 177, total: 4474 });
  });

  it("never goes negative: discounts are capped at what they discount", () => {
    const t = computeTotals(
      [
        { unitPrice: 500, quantity: 1, taxRateBps: 2000, discount: 900 },
        { unitPrice: 300, quantity: 1, taxRateBps: 2000 },
      ],
      10_000,
    );
    expect(t.lines.map((l) => [l.discount, l.orderDiscount, l.total])).toEqual([
      [500, 0, 0],
      [0, 300, 0],
    ]);
    expect(t).toMatchObject({ subtotal: 300, discount: 300, tax: 0, total: 0 });
    expect(computeTotals([], 100)).toMatchObject({ subtotal: 0, discount: 0, tax: 0, total: 0 });
  });

  it("stays exact for amounts past 2^53 in intermediate products", () => {
    const t = computeTotals([{ unitPrice: 2_000_000_000, quantity: 1, taxRateBps: 9999 }], 1_999_999_999);
    expect(t.lines[0]).toMatchObject({ orderDiscount: 1_999_999_999, taxable: 1, tax: 1, total: 2 });
  });
});

describe("taxOf and allocate", () => {
  it("rounds half up", () => {
    expect(taxOf(5, 1000)).toBe(1); // 0.5 → 1
    expect(taxOf(4, 1000)).toBe(0); // 0.4 → 0
    expect(taxOf(15, 1000)).toBe(2); // 1.5 → 2
    expect(taxOf(0, 825)).toBe(0);
  });

  it("gives a tie's leftover units to the earlier lines", () => {
    expect(allocate(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocate(7, [0, 0])).toEqual([0, 0]);
    expect(allocate(10, [3, 0, 7])).toEqual([3, 0, 7]);
  });
});

describe("refundAmountFor", () => {
  it("returns a line's total exactly across partial refunds", () => {
    // 10.00 over 3 units: 3.33, then 6.67 − 3.33 = 3.34, then the rest 3.33.
    let line = { quantity: 3, total: 1000, refundedQuantity: 0, refundedAmount: 0 };
    const parts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const amount = refundAmountFor(line, 1);
      parts.push(amount);
      line = { ...line, refundedQuantity: line.refundedQuantity + 1, refundedAmount: line.refundedAmount + amount };
    }
    expect(parts).toEqual([333, 334, 333]);
    expect(line.refundedAmount).toBe(1000);
  });

  it("rounds a half unit up and never refunds beyond what was sold", () => {
    expect(refundAmountFor({ quantity: 2, total: 5, refundedQuantity: 0, refundedAmount: 0 }, 1)).toBe(3);
    expect(refundAmountFor({ quantity: 2, total: 5, refundedQuantity: 1, refundedAmount: 3 }, 5)).toBe(2);
    expect(refundAmountFor({ quantity: 2, total: 5, refundedQuantity: 2, refundedAmount: 5 }, 1)).toBe(0);
  });
});
