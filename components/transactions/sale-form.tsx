"use client";
// The "New sale" form: find products by SKU or name (Enter adds the highlighted one), set each
// line's quantity and discount, an order discount, the payment method and optionally a customer.
// The total is computed live with the same module the server uses (compute-totals.ts), and each
// line shows the stock left, refusing a quantity beyond it before the server would. The server
// recomputes everything and has the last word (e.g. another till sold the last unit meanwhile).
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Trash2, UserRound, X } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field, describedBy } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { SearchCombobox } from "@/components/transactions/search-combobox";
import { createTransactionAction } from "@/lib/actions/transactions/create-transaction";
import { searchSaleCustomersAction, type SaleCustomer } from "@/lib/actions/transactions/search-sale-customers";
import { searchSaleProductsAction, type SaleProduct } from "@/lib/actions/transactions/search-sale-products";
import { computeTotals } from "@/lib/data/transactions/compute-totals";
import { bpsToPercentText, formatMoney, parseMoneyText } from "@/lib/money";
import {
  MAX_LINE_QUANTITY,
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  type PaymentMethod,
} from "@/lib/validations/transaction";
import type { FieldErrors } from "@/lib/errors";

type Line = { product: SaleProduct; quantity: string; discount: string };

function quantityOf(text: string): number | null {
  return /^\d{1,5}$/.test(text.trim()) ? Number(text) : null;
}

export function SaleForm({ canPickCustomer }: { canPickCustomer: boolean }) {
  const router = useRouter();
  const [lines, setLines] = useState<Line[]>([]);
  const [orderDiscount, setOrderDiscount] = useState("");
  const [paymentMethod, setPaymentMethod] = useState<PaymentMethod>("cash");
  const [customer, setCustomer] = useState<SaleCustomer | null>(null);
  const [note, setNote] = useState("");
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);

  const currency = lines[0]?.product.currency ?? "USD";

  // Per-line problems found here, before the server is asked.
  const checked = lines.map((line) => {
    const quantity = quantityOf(line.quantity);
    const discount =
      line.discount.trim() === ""
        ? { ok: true as const, value: 0 }
        : parseMoneyText(line.discount, currency, "discount");
    let quantityError: string | undefined;
    if (quantity === null || quantity < 1) quantityError = "Enter a whole number of at least 1.";
    else if (quantity > MAX_LINE_QUANTITY) quantityError = `At most ${MAX_LINE_QUANTITY}.`;
    else if (quantity > line.product.stock) quantityError = `Only ${line.product.stock} in stock.`;
    let discountError = discount.ok ? undefined : discount.message;
    if (discount.ok && quantity && discount.value > quantity * line.product.unitPrice) {
      discountError = "More than the line's amount.";
    }
    return { quantity: quantity ?? 0, discount: discount.ok ? discount.value : 0, quantityError, discountError };
  });
  const order =
    orderDiscount.trim() === "" ? { ok: true as const, value: 0 } : parseMoneyText(orderDiscount, currency, "discount");
  // Cheap enough to recompute on every keystroke.
  const totals = computeTotals(
    lines.map((l, i) => ({
      unitPrice: l.product.unitPrice,
      quantity: checked[i]!.quantity,
      taxRateBps: l.product.taxRateBps,
      discount: checked[i]!.discount,
    })),
    order.ok ? order.value : 0,
  );
  const orderError = !order.ok
    ? order.message
    : order.value > totals.subtotal && lines.length
      ? "More than the sale's amount."
      : undefined;
  const invalid = lines.length === 0 || checked.some((c) => c.quantityError || c.discountError) || Boolean(orderError);

  const addProduct = (product: SaleProduct) => {
    setNotice(null);
    if (lines.length && product.currency !== currency) {
      setNotice(`${product.name} is priced in ${product.currency}; this sale is in ${currency}.`);
      return;
    }
    setLines((current) => {
      const at = current.findIndex((l) => l.product.id === product.id);
      if (at >= 0) {
        return current.map((l, i) =>
          i === at ? { ...l, product, quantity: String((quantityOf(l.quantity) ?? 0) + 1) } : l,
        );
      }
      return [...current, { product, quantity: "1", discount: "" }];
    });
  };
  const update = (index: number, patch: Partial<Line>) => {
    setServerErrors({});
    setLines((current) => current.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  };
  const remove = (index: number) => setLines((current) => current.filter((_, i) => i !== index));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (invalid || pending) return;
    setPending(true);
    setFormError(null);
    setServerErrors({});
    const result = await createTransactionAction({
      customerId: customer?.id ?? null,
      paymentMethod,
      lines: lines.map((l, i) => ({
        productId: l.product.id,
        quantity: checked[i]!.quantity,
        discount: checked[i]!.discount,
      })),
      discount: order.ok ? order.value : 0,
      note: note.trim() || null,
    });
    setPending(false);
    if (result.ok) {
      toast.success(`Sale #${result.data.number} recorded.`);
      router.push(`/records/transactions/${result.data.id}`);
      return;
    }
    setFormError(result.error);
    setServerErrors(result.fieldErrors ?? {});
  };

  const serverError = (key: string) => serverErrors[key]?.[0];

  return (
    <form onSubmit={onSubmit} aria-label="New sale" className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-6">
        <Card>
          <CardBody className="space-y-4">
            <SearchCombobox<SaleProduct>
              id="sale-product-search"
              label="Add a product"
              placeholder="Type a SKU or name, then Enter"
              autoFocus
              search={async (q) => {
                const r = await searchSaleProductsAction(q);
                return r.ok ? r.data : { error: r.error };
              }}
              getKey={(p) => p.id}
              isDisabled={(p) => (p.stock <= 0 ? "Out of stock" : null)}
              renderItem={(p) => (
                <span className="min-w-0">
                  <span className="block truncate font-medium text-foreground">{p.name}</span>
                  <span className="block text-xs text-muted-foreground">
                    <span className="font-mono">{p.sku}</span> · {formatMoney(p.unitPrice, p.currency)} · {p.stock} in
                    stock
                  </span>
                </span>
              )}
              onPick={addProduct}
              emptyText="No active product matches."
            />
            {notice ? <Alert tone="warning">{notice}</Alert> : null}

            {lines.length === 0 ? (
              <p className="rounded-lg border border-dashed border-border px-4 py-8 text-center text-sm text-muted-foreground">
                No lines yet. Search above and press Enter to add a product.
              </p>
            ) : (
              <ul className="divide-y divide-border rounded-lg border border-border" aria-label="Lines">
                {lines.map((line, i) => {
                  const c = checked[i]!;
                  const computed = totals.lines[i];
                  const qId = `line-${i}-quantity`;
                  const dId = `line-${i}-discount`;
                  const qError = c.quantityError ?? serverError(`lines.${i}.quantity`);
                  const dError = c.discountError ?? serverError(`lines.${i}.discount`);
                  return (
                    <li
                      key={line.product.id}
                      className="grid gap-3 p-4 sm:grid-cols-[minmax(0,1fr)_6rem_7rem_auto]"
                      data-testid="sale-line"
                    >
                      <div className="min-w-0">
                        <p className="truncate font-medium text-foreground">{line.product.name}</p>
                        <p className="text-xs text-muted-foreground">
                          <span className="font-mono">{line.product.sku}</span> ·{" "}
                          {formatMoney(line.product.unitPrice, currency)} each
                          {line.product.taxRateBps ? ` · tax ${bpsToPercentText(line.product.taxRateBps)} %` : ""}
                        </p>
                        <p
                          className={
                            c.quantity > line.product.stock ? "text-xs text-danger" : "text-xs text-muted-foreground"
                          }
                          data-testid="line-stock"
                        >
                          {line.product.stock} in stock
                        </p>
                      </div>
                      <Field id={qId} label="Quantity" error={qError}>
                        <Input
                          id={qId}
                          inputMode="numeric"
                          value={line.quantity}
                          invalid={Boolean(qError)}
                          aria-describedby={describedBy(qId, qError)}
                          aria-label={`Quantity of ${line.product.name}`}
                          onChange={(e) => update(i, { quantity: e.target.value })}
                        />
                      </Field>
                      <Field id={dId} label="Discount" error={dError}>
                        <Input
                          id={dId}
                          inputMode="decimal"
                          placeholder="0.00"
                          value={line.discount}
                          invalid={Boolean(dError)}
                          aria-describedby={describedBy(dId, dError)}
                          aria-label={`Discount on ${line.product.name}`}
                          onChange={(e) => update(i, { discount: e.target.value })}
                        />
                      </Field>
                      <div className="flex items-end justify-between gap-3 sm:flex-col sm:items-end sm:justify-start">
                        <span className="text-sm font-medium tabular-nums text-foreground sm:pt-7">
                          {formatMoney(computed?.total ?? 0, currency)}
                        </span>
                        <Button
                          type="button"
                          variant="ghost"
                          size="sm"
                          onClick={() => remove(i)}
                          aria-label={`Remove ${line.product.name}`}
                        >
                          <Trash2 className="size-4" aria-hidden="true" />
                        </Button>
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
          </CardBody>
        </Card>

        <Card>
          <CardBody className="grid gap-4 sm:grid-cols-2">
            <Select
              id="sale-payment-method"
              label="Payment method"
              value={paymentMethod}
              onChange={(e) => setPaymentMethod(e.target.value as PaymentMethod)}
              options={PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }))}
            />
            <Field
              id="sale-order-discount"
              label="Order discount"
              hint="Spread over the lines before tax."
              error={orderError}
            >
              <Input
                id="sale-order-discount"
                inputMode="decimal"
                placeholder="0.00"
                value={orderDiscount}
                invalid={Boolean(orderError)}
                aria-describedby={describedBy("sale-order-discount", orderError, true)}
                onChange={(e) => setOrderDiscount(e.target.value)}
              />
            </Field>
            <div className="sm:col-span-2">
              {customer ? (
                <div>
                  <p className="mb-1.5 text-sm font-medium text-foreground">Customer</p>
                  <div className="flex items-center justify-between gap-3 rounded-lg border border-border px-3 py-2">
                    <span className="flex min-w-0 items-center gap-2 text-sm">
                      <UserRound className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
                      <span className="truncate">
                        {customer.name}
                        {customer.email ? <span className="text-muted-foreground"> · {customer.email}</span> : null}
                      </span>
                    </span>
                    <Button type="button" variant="ghost" size="sm" onClick={() => setCustomer(null)}>
                      <X className="size-4" aria-hidden="true" />
                      Walk-in instead
                    </Button>
                  </div>
                </div>
              ) : canPickCustomer ? (
                <SearchCombobox<SaleCustomer>
                  id="sale-customer-search"
                  label="Customer (optional; walk-in when empty)"
                  placeholder="Search name, email or phone"
                  search={async (q) => {
                    const r = await searchSaleCustomersAction(q);
                    return r.ok ? r.data : { error: r.error };
                  }}
                  getKey={(c) => c.id}
                  renderItem={(c) => (
                    <span className="min-w-0 truncate">
                      {c.name}
                      {c.email ? <span className="text-muted-foreground"> · {c.email}</span> : null}
                    </span>
                  )}
                  onPick={setCustomer}
                  emptyText="No customer matches."
                />
              ) : (
                <p className="text-sm text-muted-foreground">Walk-in sale (you may not look up customers).</p>
              )}
              {serverError("customerId") ? (
                <p className="mt-1 text-sm text-danger">{serverError("customerId")}</p>
              ) : null}
            </div>
            <Field id="sale-note" label="Note" className="sm:col-span-2" hint="Optional; printed on the receipt.">
              <textarea
                id="sale-note"
                value={note}
                maxLength={500}
                rows={2}
                aria-describedby="sale-note-hint"
                onChange={(e) => setNote(e.target.value)}
                className="block w-full rounded-lg border border-border bg-surface px-3 py-2 text-sm text-foreground shadow-sm focus:outline-none focus:ring-2 focus:ring-brand/40"
              />
            </Field>
          </CardBody>
        </Card>
      </div>

      <aside aria-label="Totals" className="lg:sticky lg:top-6 lg:self-start">
        <Card>
          <CardBody className="space-y-4">
            <dl className="space-y-2 text-sm">
              <div className="flex justify-between">
                <dt className="text-muted-foreground">Subtotal</dt>
                <dd className="tabular-nums">{formatMoney(totals.subtotal, currency)}</dd>
              </div>
              <div className="flex justify-between">
                <dt className="text-muted-foreground">Order discount</dt>
                <dd className="tabular-nums">−{formatMoney(totals.discount, currency)}</dd>
              </div>
              <div className="flex justify-between">
                <dt className="text-muted-foreground">Tax</dt>
                <dd className="tabular-nums">{formatMoney(totals.tax, currency)}</dd>
              </div>
              <div className="flex justify-between border-t border-border pt-2 text-base font-semibold">
                <dt>Total</dt>
                <dd className="tabular-nums" data-testid="sale-total" aria-live="polite">
                  {formatMoney(totals.total, currency)}
                </dd>
              </div>
            </dl>
            {formError ? <Alert tone="danger">{formError}</Alert> : null}
            <Button type="submit" className="w-full" disabled={invalid} loading={pending}>
              Record sale
            </Button>
            <p className="text-xs text-muted-foreground">
              {lines.length ? `${lines.length} line${lines.length === 1 ? "" : "s"} · ` : ""}
              Amounts in {currency}; the server checks the totals and the stock again.
            </p>
          </CardBody>
        </Card>
      </aside>
    </form>
  );
}
