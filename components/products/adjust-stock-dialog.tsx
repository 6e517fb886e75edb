"use client";
// "Adjust stock": a signed change with a reason (a delivery +24, breakage −2, a count correction).
// It applies to the stock at the moment of saving, so it composes with sales made meanwhile; the
// server refuses a change that would take stock below zero, and the message shows inline.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { adjustStockAction } from "@/lib/actions/products/adjust-stock";
import { adjustStockSchema, type ProductJson } from "@/lib/validations/product";

const formSchema = z
  .object({ delta: z.string(), reason: z.string() })
  .transform((form, ctx) => {
    const text = form.delta.trim().replace(/^\+/, "").replace(/^−/, "-");
    const delta = /^-?\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
    const parsed = adjustStockSchema.safeParse({ delta, reason: form.reason });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    return z.NEVER;
  });
type FormValues = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

function AdjustStockForm({ product, onDone }: { product: ProductJson; onDone: (p: ProductJson) => void }) {
  const { form, errors, formError, onSubmit } = useActionForm<FormValues, FormOutput, ProductJson>({
    resolver: zodResolver(formSchema),
    mode: "onTouched",
    defaultValues: { delta: "", reason: "" },
    action: (values) => adjustStockAction(product.id, formSchema.parse(values)),
    onSuccess: onDone,
  });
  const id = `adjust-${product.id}`;
  const text = form.watch("delta").trim().replace(/^\+/, "").replace(/^−/, "-");
  const preview = /^-?\d{1,10}$/.test(text) ? product.stock + Number(text) : null;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={`Adjust stock of ${product.name}`}>
      <p className="text-sm text-muted-foreground">
        In stock now: <span className="font-medium tabular-nums text-foreground">{product.stock.toLocaleString("en")}</span>
        {preview !== null ? (
          <>
            {" "}
            → after this change:{" "}
            <span className={preview < 0 ? "font-medium text-danger" : "font-medium tabular-nums text-foreground"}>
              {preview.toLocaleString("en")}
            </span>
          </>
        ) : null}
      </p>
      <div className="grid gap-4 sm:grid-cols-[8rem_minmax(0,1fr)]">
        <TextField
          id={`${id}-delta`}
          label="Change"
          inputMode="numeric"
          autoComplete="off"
          placeholder="+24 or -2"
          className="tabular-nums"
          error={errors.delta?.message}
          {...form.register("delta")}
        />
        <TextField
          id={`${id}-reason`}
          label="Reason"
          autoComplete="off"
          maxLength={200}
          placeholder="Delivery, stocktake, damaged…"
          error={errors.reason?.message}
          {...form.register("reason")}
        />
      </div>
      {formError ? (
        <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
          {formError}
        </p>
      ) : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary" disabled={form.formState.isSubmitting}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" loading={form.formState.isSubmitting}>
          Save adjustment
        </Button>
      </DialogFooter>
    </form>
  );
}

export function AdjustStockDialog({
  open,
  onOpenChange,
  product,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  product: ProductJson;
}) {
  const router = useRouter();
  const [opening, setOpening] = useState(0);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setOpening((n) => n + 1);
  }
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={`Adjust stock: ${product.name}`} description="Recorded in the audit log with its reason.">
        <AdjustStockForm
          key={`${product.id}-${opening}`}
          product={product}
          onDone={(saved) => {
            toast.success(`${saved.name}: ${saved.stock.toLocaleString("en")} in stock.`);
            onOpenChange(false);
            router.refresh();
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
