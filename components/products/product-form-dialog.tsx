"use client";
// Create or edit a product in a dialog: react-hook-form with the server's own rules
// (productFormSchema) checked in the browser. People type money as decimal text in the chosen
// currency ("12.50") and the tax rate as percent ("8.25"); the schema turns them into the API's
// integer minor units and basis points before the action is called, and the server checks again.
// The action's field errors show inline (a taken SKU on the SKU field). When editing, the version
// the dialog opened with is sent, so a save over someone else's change is refused (412) with a
// "reload" message. Stock is set here only for a new product; afterwards "Adjust stock" moves it
// by a delta that composes with sales.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field, describedBy } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { currencyOptions } from "@/components/products/currency-options";
import { createProductAction } from "@/lib/actions/products/create-product";
import { updateProductAction } from "@/lib/actions/products/update-product";
import type { ActionResult } from "@/lib/actions/run-action";
import { cn } from "@/lib/cn";
import { bpsToPercentText, currencyDigits, isSupportedCurrency, minorToDecimalText } from "@/lib/money";
import {
  FORM_FIELD_OF,
  PRODUCT_LIMITS,
  productFormSchema,
  type CreateProductValues,
  type ProductFormValues,
  type ProductJson,
} from "@/lib/validations/product";

const textareaClasses = (invalid: boolean) =>
  cn(
    "block w-full rounded-lg border bg-surface px-3 py-2 text-sm text-foreground shadow-sm transition",
    "placeholder:text-muted-foreground/70 focus:outline-none focus:ring-2",
    invalid
      ? "border-danger focus:border-danger focus:ring-danger/30"
      : "border-border focus:border-brand focus:ring-brand/30",
  );

function initialValues(product: ProductJson | null, defaultCurrency: string): ProductFormValues {
  const currency = product?.currency ?? defaultCurrency;
  return {
    sku: product?.sku ?? "",
    name: product?.name ?? "",
    description: product?.description ?? "",
    unitPrice: product ? minorToDecimalText(product.unitPrice, currency) : "",
    unitCost: product ? minorToDecimalText(product.unitCost, currency) : "",
    currency,
    taxRate: product ? bpsToPercentText(product.taxRateBps) : "",
    stock: product ? String(product.stock) : "0",
    lowStockThreshold: product ? String(product.lowStockThreshold) : "0",
    active: product?.active ?? true,
  };
}

/** The server names API fields (taxRateBps); put each message on the input it came from. */
function onFormFields<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok || !result.fieldErrors) return result;
  const fieldErrors = Object.fromEntries(
    Object.entries(result.fieldErrors).map(([field, messages]) => [FORM_FIELD_OF[field] ?? field, messages]),
  );
  return { ...result, fieldErrors };
}

function amountPlaceholder(currency: string): string {
  const digits = isSupportedCurrency(currency) ? currencyDigits(currency) : 2;
  return digits ? `0.${"0".repeat(digits)}` : "0";
}

function ProductForm({
  product,
  defaultCurrency,
  onDone,
}: {
  product: ProductJson | null;
  defaultCurrency: string;
  onDone: (saved: ProductJson) => void;
}) {
  const { form, errors, formError, onSubmit } = useActionForm<ProductFormValues, CreateProductValues, ProductJson>({
    resolver: zodResolver(productFormSchema),
    mode: "onTouched",
    defaultValues: initialValues(product, defaultCurrency),
    action: async (values) => {
      // The resolver already passed; convert again here to send exactly what it accepted.
      const parsed = productFormSchema.parse(values);
      if (!product) return onFormFields(await createProductAction(parsed));
      // Stock moves through "Adjust stock" once a product exists: never overwrite a sale's decrement.
      const { stock: _stock, ...changes } = parsed;
      const result = onFormFields(await updateProductAction(product.id, product.version, changes));
      return result.ok ? { ok: true, data: result.data.product } : result;
    },
    onSuccess: (saved) => onDone(saved),
  });
  const id = product ? `product-${product.id}` : "product-new";
  const { register, watch } = form;
  const currency = watch("currency");
  const unit = isSupportedCurrency(currency) ? currency : "";
  // A conflict's message already shows on its field (a taken SKU): say it once.
  const shownError =
    formError && !Object.values(errors).some((e) => e?.message === formError) ? formError : null;
  const stale = shownError && /changed since you loaded it/.test(shownError);
  const options = currencyOptions();

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={product ? "Edit product" : "New product"}>
      <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <TextField
          id={`${id}-sku`}
          label="SKU"
          autoComplete="off"
          spellCheck={false}
          maxLength={PRODUCT_LIMITS.sku}
          hint="Unique; saved in capitals."
          className="font-mono uppercase"
          error={errors.sku?.message}
          {...register("sku")}
        />
        <TextField
          id={`${id}-name`}
          label="Name"
          autoComplete="off"
          maxLength={PRODUCT_LIMITS.name}
          error={errors.name?.message}
          {...register("name")}
        />
      </div>
      <Field id={`${id}-description`} label="Description" hint="Optional." error={errors.description?.message}>
        <textarea
          id={`${id}-description`}
          rows={2}
          maxLength={PRODUCT_LIMITS.description}
          aria-invalid={!!errors.description || undefined}
          aria-describedby={describedBy(`${id}-description`, errors.description?.message, "Optional.")}
          className={textareaClasses(!!errors.description)}
          {...register("description")}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={`${id}-currency`} label="Currency" error={errors.currency?.message}>
          <Select
            id={`${id}-currency`}
            invalid={!!errors.currency}
            aria-describedby={describedBy(`${id}-currency`, errors.currency?.message)}
            {...register("currency")}
          >
            <optgroup label="Common">
              {options.common.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
            <optgroup label="All currencies">
              {options.rest.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          </Select>
        </Field>
        <TextField
          id={`${id}-price`}
          label={unit ? `Unit price (${unit})` : "Unit price"}
          inputMode="decimal"
          autoComplete="off"
          placeholder={amountPlaceholder(currency)}
          className="tabular-nums"
          error={errors.unitPrice?.message}
          {...register("unitPrice")}
        />
        <TextField
          id={`${id}-cost`}
          label={unit ? `Unit cost (${unit})` : "Unit cost"}
          inputMode="decimal"
          autoComplete="off"
          placeholder={amountPlaceholder(currency)}
          hint="Optional; for margins."
          className="tabular-nums"
          error={errors.unitCost?.message}
          {...register("unitCost")}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          id={`${id}-tax`}
          label="Tax rate (%)"
          inputMode="decimal"
          autoComplete="off"
          placeholder="0"
          hint="E.g. 8.25"
          className="tabular-nums"
          error={errors.taxRate?.message}
          {...register("taxRate")}
        />
        {product ? (
          <Field id={`${id}-stock`} label="In stock" hint="Change it with Adjust stock.">
            <p id={`${id}-stock`} className="flex h-10 items-center text-sm tabular-nums text-foreground">
              {product.stock.toLocaleString("en")}
            </p>
          </Field>
        ) : (
          <TextField
            id={`${id}-stock`}
            label="Opening stock"
            inputMode="numeric"
            autoComplete="off"
            className="tabular-nums"
            error={errors.stock?.message}
            {...register("stock")}
          />
        )}
        <TextField
          id={`${id}-threshold`}
          label="Low-stock threshold"
          inputMode="numeric"
          autoComplete="off"
          hint="Flag at or below this."
          className="tabular-nums"
          error={errors.lowStockThreshold?.message}
          {...register("lowStockThreshold")}
        />
      </div>
      <label className="flex items-start gap-3 rounded-lg border border-border p-3 text-sm">
        <input
          type="checkbox"
          className="mt-0.5 size-4 rounded border-border accent-brand"
          {...register("active")}
        />
        <span>
          <span className="font-medium text-foreground">For sale</span>
          <span className="block text-muted-foreground">Inactive products stay in the list but cannot be sold.</span>
        </span>
      </label>
      {shownError ? (
        <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
          {shownError}
          {stale ? " Close this dialog and open the product again to see the current version." : null}
        </p>
      ) : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary" disabled={form.formState.isSubmitting}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" loading={form.formState.isSubmitting}>
          {product ? "Save changes" : "Create product"}
        </Button>
      </DialogFooter>
    </form>
  );
}

export function ProductFormDialog({
  open,
  onOpenChange,
  product,
  defaultCurrency = "USD",
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** null: create a new product. */
  product: ProductJson | null;
  defaultCurrency?: string;
}) {
  const router = useRouter();
  // A new form per opening: stale values or errors of a previous opening never show.
  const [opening, setOpening] = useState(0);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setOpening((n) => n + 1);
  }
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={product ? `Edit ${product.name}` : "New product"}
        description={
          product
            ? "Changes are saved for everyone at once and kept in the audit log."
            : "SKU, name, price and currency are required."
        }
        size="lg"
      >
        <ProductForm
          key={`${product?.id ?? "new"}-${product?.version ?? 0}-${opening}`}
          product={product}
          defaultCurrency={defaultCurrency}
          onDone={(saved) => {
            toast.success(product ? `Saved ${saved.name}.` : `Created ${saved.name}.`);
            onOpenChange(false);
            router.refresh();
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
