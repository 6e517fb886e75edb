// The arithmetic of a sale, in integer minor units, shared by the server (which stores what this
// says) and the "New sale" form (which shows the same numbers live). Pure: no database, no I/O.
//
// Per line: gross = unit price × quantity; the line discount comes off (never below zero); the
// order discount is spread over the lines in proportion to what remains, by largest remainder so
// the parts sum to the order discount exactly; tax is that line's rate on what is left, rounded
// half up to the minor unit per line; the line total is taxable + tax. The order's figures are the
// sums of its lines, so receipt lines always add up to the receipt's total.
//
// Refunds take a line's total back unit by unit with cumulative rounding: refunding every unit of a
// line, in any number of steps, returns exactly its total.
import { applyBps } from "@/lib/money";

export type SaleLineInput = {
  unitPrice: number;
  quantity: number;
  taxRateBps: number;
  /** Line discount in minor units. */
  discount?: number;
};

export type ComputedLine = {
  gross: number;
  /** The line discount actually applied (at most the gross). */
  discount: number;
  /** This line's share of the order discount. */
  orderDiscount: number;
  taxable: number;
  tax: number;
  total: number;
};

export type ComputedTotals = {
  lines: ComputedLine[];
  /** Sum of the lines after their line discounts. */
  subtotal: number;
  /** The order discount actually applied (at most the subtotal). */
  discount: number;
  tax: number;
  total: number;
};

const nonNegative = (n: number) => (Number.isFinite(n) && n > 0 ? Math.trunc(n) : 0);

/** Tax at `bps` on `value`, rounded half up to the minor unit (lib/money.ts applyBps). */
export function taxOf(value: number, bps: number): number {
  return applyBps(nonNegative(value), nonNegative(bps));
}

/**
 * Splits `amount` over `weights` in proportion, by largest remainder: each part is the floor of its
 * exact share, and the units left over go to the largest fractional remainders (the earlier line on
 * a tie). The parts sum to `amount` exactly when the weights sum to more than zero.
 */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + BigInt(nonNegative(w)), 0n);
  const target = BigInt(nonNegative(amount));
  if (total === 0n || target === 0n) return weights.map(() => 0);
  const parts = weights.map((w) => {
    const exact = target * BigInt(nonNegative(w));
    return { floor: exact / total, remainder: exact % total };
  });
  let left = target - parts.reduce((s, p) => s + p.floor, 0n);
  const order = parts
    .map((p, index) => ({ index, remainder: p.remainder }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const extra = new Array<bigint>(parts.length).fill(0n);
  for (const { index } of order) {
    if (left === 0n) break;
    extra[index] = 1n;
    left -= 1n;
  }
  return parts.map((p, i) => Number(p.floor + (extra[i] ?? 0n)));
}

export function computeTotals(lines: readonly SaleLineInput[], orderDiscount = 0): ComputedTotals {
  const first = lines.map((line) => {
    const gross = nonNegative(line.unitPrice) * nonNegative(line.quantity);
    const discount = Math.min(nonNegative(line.discount ?? 0), gross);
    return { gross, discount, net: gross - discount, taxRateBps: line.taxRateBps };
  });
  const subtotal = first.reduce((s, l) => s + l.net, 0);
  const discount = Math.min(nonNegative(orderDiscount), subtotal);
  const shares = allocate(
    discount,
    first.map((l) => l.net),
  );
  const computed = first.map((l, i) => {
    const share = shares[i] ?? 0;
    const taxable = l.net - share;
    const tax = taxOf(taxable, l.taxRateBps);
    return { gross: l.gross, discount: l.discount, orderDiscount: share, taxable, tax, total: taxable + tax };
  });
  return {
    lines: computed,
    subtotal,
    discount,
    tax: computed.reduce((s, l) => s + l.tax, 0),
    total: computed.reduce((s, l) => s + l.total, 0),
  };
}

/**
 * What refunding `quantity` more units of a line gives back: the line's total for all units
 * refunded so far (rounded half up), minus what was already refunded. The last unit takes what
 * is left, so a line refunded in full returns exactly its total.
 */
export function refundAmountFor(
  line: { quantity: number; total: number; refundedQuantity: number; refundedAmount: number },
  quantity: number,
): number {
  const after = Math.min(line.quantity, line.refundedQuantity + nonNegative(quantity));
  if (after <= line.refundedQuantity) return 0;
  const cumulative =
    after >= line.quantity
      ? line.total
      : Number((BigInt(line.total) * BigInt(after) * 2n + BigInt(line.quantity)) / (2n * BigInt(line.quantity)));
  return Math.max(0, cumulative - line.refundedAmount);
}
