// The lines of a sale as stored: each product's name, SKU, price, cost and tax rate as they were
// at the moment of sale, with that line's figures from computeTotals. One shape for the sale
// (create-transaction.ts) and the demo shop's seeded history (lib/seed/demo-shop.ts). Pure.
import type { ComputedLine } from "@/lib/data/transactions/compute-totals";
import type { TransactionLineRecord } from "@/lib/data/transactions/transaction-record";

export type SoldProduct = {
  id: string;
  name: string;
  sku: string;
  unitPrice: number;
  unitCost: number;
  taxRateBps: number;
};

/** `computed[i]` is `lines[i]`'s figures (computeTotals(...).lines); nothing is refunded yet. */
export function soldLines(
  lines: readonly { product: SoldProduct; quantity: number }[],
  computed: readonly ComputedLine[],
  newLineId: () => string,
): TransactionLineRecord[] {
  return lines.map((l, position) => {
    const c = computed[position]!;
    return {
      id: newLineId(),
      position,
      productId: l.product.id,
      productName: l.product.name,
      sku: l.product.sku,
      quantity: l.quantity,
      unitPrice: l.product.unitPrice,
      unitCost: l.product.unitCost,
      taxRateBps: l.product.taxRateBps,
      discount: c.discount,
      orderDiscount: c.orderDiscount,
      tax: c.tax,
      total: c.total,
      refundedQuantity: 0,
      refundedAmount: 0,
    };
  });
}
