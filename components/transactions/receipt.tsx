// The printable receipt of a sale: what was sold (as it was named and priced then), discounts,
// tax, total, refunds and the void, if any. ReceiptPrintStyle below makes printing the page
// print this element alone.
import { config } from "@/lib/config";
import type { TransactionRecord } from "@/lib/data/transactions/transaction-record";
import { formatDateTime } from "@/lib/format";
import { bpsToPercentText, formatMoney } from "@/lib/money";
import { PAYMENT_METHOD_LABELS } from "@/lib/validations/transaction";
import { TransactionStatusBadge } from "@/components/transactions/transaction-status-badge";

export const RECEIPT_ID = "receipt";

export function Receipt({ sale }: { sale: TransactionRecord }) {
  const money = (minor: number) => formatMoney(minor, sale.currency);
  return (
    <article
      id={RECEIPT_ID}
      aria-label={`Receipt #${sale.number}`}
      className="rounded-xl border border-border bg-surface p-6 text-foreground shadow-sm print:border-0 print:p-0 print:shadow-none"
    >
      <header className="flex flex-wrap items-start justify-between gap-4 border-b border-dashed border-border pb-4">
        <div>
          <p className="text-sm font-semibold">{config.productName}</p>
          <h2 className="mt-1 text-xl font-semibold tracking-tight">Receipt #{sale.number}</h2>
          <p className="text-sm text-muted-foreground">{formatDateTime(sale.occurredAt)}</p>
        </div>
        <TransactionStatusBadge status={sale.status} />
      </header>

      <dl className="grid gap-x-6 gap-y-1 border-b border-dashed border-border py-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-muted-foreground">Customer</dt>
          <dd>{sale.customer ? sale.customer.name : "Walk-in"}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Served by</dt>
          <dd>{sale.staff.name}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Payment</dt>
          <dd>{PAYMENT_METHOD_LABELS[sale.paymentMethod]}</dd>
        </div>
      </dl>

      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Lines</caption>
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-muted-foreground">
              <th scope="col" className="py-2 pr-3 font-medium">
                Item
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                Qty
              </th>
              <th scope="col" className="hidden py-2 pr-3 text-right font-medium sm:table-cell print:table-cell">
                Price
              </th>
              <th scope="col" className="hidden py-2 pr-3 text-right font-medium sm:table-cell print:table-cell">
                Discount
              </th>
              <th scope="col" className="hidden py-2 pr-3 text-right font-medium sm:table-cell print:table-cell">
                Tax
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                Total
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {sale.lines.map((line) => (
              <tr key={line.id} data-testid="receipt-line">
                <td className="py-2 pr-3">
                  <span className="block font-medium">{line.productName}</span>
                  <span className="font-mono text-xs text-muted-foreground">{line.sku}</span>
                  {line.refundedQuantity ? (
                    <span className="block text-xs text-warning">
                      {line.refundedQuantity} refunded ({money(line.refundedAmount)})
                    </span>
                  ) : null}
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">{line.quantity}</td>
                <td className="hidden py-2 pr-3 text-right tabular-nums sm:table-cell print:table-cell">
                  {money(line.unitPrice)}
                </td>
                <td className="hidden py-2 pr-3 text-right tabular-nums sm:table-cell print:table-cell">
                  {line.discount + line.orderDiscount ? `−${money(line.discount + line.orderDiscount)}` : "—"}
                </td>
                <td className="hidden py-2 pr-3 text-right tabular-nums sm:table-cell print:table-cell">
                  {line.taxRateBps ? `${money(line.tax)} (${bpsToPercentText(line.taxRateBps)} %)` : "—"}
                </td>
                <td className="py-2 text-right font-medium tabular-nums">{money(line.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <dl className="ml-auto mt-4 max-w-xs space-y-1 border-t border-dashed border-border pt-4 text-sm">
        <div className="flex justify-between">
          <dt className="text-muted-foreground">Subtotal</dt>
          <dd className="tabular-nums">{money(sale.subtotal)}</dd>
        </div>
        {sale.discount ? (
          <div className="flex justify-between">
            <dt className="text-muted-foreground">Order discount</dt>
            <dd className="tabular-nums">−{money(sale.discount)}</dd>
          </div>
        ) : null}
        <div className="flex justify-between">
          <dt className="text-muted-foreground">Tax</dt>
          <dd className="tabular-nums">{money(sale.tax)}</dd>
        </div>
        <div className="flex justify-between text-base font-semibold">
          <dt>Total</dt>
          <dd className="tabular-nums" data-testid="receipt-total">
            {money(sale.total)}
          </dd>
        </div>
        {sale.refundedAmount ? (
          <div className="flex justify-between text-warning">
            <dt>Refunded</dt>
            <dd className="tabular-nums">−{money(sale.refundedAmount)}</dd>
          </div>
        ) : null}
      </dl>

      {sale.note ? <p className="mt-4 text-sm text-muted-foreground">Note: {sale.note}</p> : null}
      {sale.status === "voided" ? (
        <p className="mt-4 rounded-lg bg-muted px-3 py-2 text-sm" role="note">
          Voided {sale.voidedAt ? formatDateTime(sale.voidedAt) : ""}
          {sale.voidReason ? `: ${sale.voidReason}` : ""}
        </p>
      ) : null}
      {sale.refunds.length ? (
        <section className="mt-4 text-sm" aria-label="Refunds">
          <h3 className="font-medium">Refunds</h3>
          <ul className="mt-1 space-y-1 text-muted-foreground">
            {sale.refunds.map((r) => (
              <li key={r.id}>
                {formatDateTime(r.createdAt)}: {money(r.amount)}
                {r.reason ? ` · ${r.reason}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="mt-6 text-center text-xs text-muted-foreground">Thank you for your purchase.</p>
    </article>
  );
}

/** Print only the receipt: everything else on the page (the app's navigation included) is hidden. */
export function ReceiptPrintStyle() {
  return (
    <style>{`@media print {
  body * { visibility: hidden !important; }
  #${RECEIPT_ID}, #${RECEIPT_ID} * { visibility: visible !important; }
  #${RECEIPT_ID} { position: absolute; left: 0; top: 0; width: 100%; background: white; color: black; }
  @page { margin: 12mm; }
}`}</style>
  );
}
