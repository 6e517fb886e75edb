"use client";
// Create or edit a customer in a dialog: react-hook-form with the server's own rules
// (customerFormSchema) checked in the browser, the server action's field errors shown inline (a
// taken email on the email field), and, when editing, the version the dialog opened with, so a
// save over someone else's change is refused with a "reload" message instead of overwriting it.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field, describedBy } from "@/components/ui/field";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { createCustomerAction } from "@/lib/actions/customers/create-customer";
import { updateCustomerAction } from "@/lib/actions/customers/update-customer";
import { cn } from "@/lib/cn";
import { CUSTOMER_LIMITS, customerFormSchema, splitTags, type CustomerJson } from "@/lib/validations/customer";

type FormInput = z.input<typeof customerFormSchema>;
type FormOutput = z.output<typeof customerFormSchema>;

const textareaClasses = (invalid: boolean) =>
  cn(
    "block w-full rounded-lg border bg-surface px-3 py-2 text-sm text-foreground shadow-sm transition",
    "placeholder:text-muted-foreground/70 focus:outline-none focus:ring-2",
    invalid
      ? "border-danger focus:border-danger focus:ring-danger/30"
      : "border-border focus:border-brand focus:ring-brand/30",
  );

function initialValues(customer: CustomerJson | null): FormInput {
  return {
    name: customer?.name ?? "",
    email: customer?.email ?? "",
    phone: customer?.phone ?? "",
    address: customer?.address ?? "",
    notes: customer?.notes ?? "",
    tags: customer?.tags.join(", ") ?? "",
  };
}

function CustomerForm({ customer, onDone }: { customer: CustomerJson | null; onDone: (saved: CustomerJson) => void }) {
  const { form, errors, formError, onSubmit } = useActionForm<FormInput, FormOutput, CustomerJson>({
    resolver: zodResolver(customerFormSchema),
    mode: "onTouched",
    defaultValues: initialValues(customer),
    action: (values) => {
      const input = {
        name: String(values.name ?? ""),
        email: values.email || null,
        phone: values.phone || null,
        address: values.address || null,
        notes: values.notes || null,
        tags: splitTags(String(values.tags ?? "")),
      };
      return customer ? updateCustomerAction(customer.id, customer.version, input) : createCustomerAction(input);
    },
    onSuccess: (saved) => onDone(saved),
  });
  const id = customer ? `customer-${customer.id}` : "customer-new";
  const { register } = form;
  const stale = formError && /changed since you loaded it/.test(formError);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={customer ? "Edit customer" : "New customer"}>
      <TextField
        id={`${id}-name`}
        label="Name"
        autoComplete="off"
        maxLength={CUSTOMER_LIMITS.name}
        error={errors.name?.message}
        {...register("name")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={`${id}-email`}
          label="Email"
          type="email"
          autoComplete="off"
          hint="Optional; unique."
          error={errors.email?.message}
          {...register("email")}
        />
        <TextField
          id={`${id}-phone`}
          label="Phone"
          type="tel"
          autoComplete="off"
          hint="Optional."
          error={errors.phone?.message}
          {...register("phone")}
        />
      </div>
      <Field id={`${id}-address`} label="Address" error={errors.address?.message}>
        <textarea
          id={`${id}-address`}
          rows={2}
          maxLength={CUSTOMER_LIMITS.address}
          aria-invalid={!!errors.address || undefined}
          aria-describedby={describedBy(`${id}-address`, errors.address?.message)}
          className={textareaClasses(!!errors.address)}
          {...register("address")}
        />
      </Field>
      <TextField
        id={`${id}-tags`}
        label="Tags"
        autoComplete="off"
        placeholder="vip, wholesale"
        hint={`Separate with commas; up to ${CUSTOMER_LIMITS.tags}.`}
        error={errors.tags?.message}
        {...register("tags")}
      />
      <Field id={`${id}-notes`} label="Notes" error={errors.notes?.message}>
        <textarea
          id={`${id}-notes`}
          rows={3}
          maxLength={CUSTOMER_LIMITS.notes}
          aria-invalid={!!errors.notes || undefined}
          aria-describedby={describedBy(`${id}-notes`, errors.notes?.message)}
          className={textareaClasses(!!errors.notes)}
          {...register("notes")}
        />
      </Field>
      {formError ? (
        <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
          {formError}
          {stale ? " Close this dialog and open the customer again to see the current version." : null}
        </p>
      ) : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary" disabled={form.formState.isSubmitting}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" loading={form.formState.isSubmitting}>
          {customer ? "Save changes" : "Create customer"}
        </Button>
      </DialogFooter>
    </form>
  );
}

export function CustomerFormDialog({
  open,
  onOpenChange,
  customer,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** null: create a new customer. */
  customer: CustomerJson | null;
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
        title={customer ? `Edit ${customer.name}` : "New customer"}
        description={
          customer ? "Changes are saved for everyone at once and kept in the audit log." : "Only the name is required."
        }
        size="lg"
      >
        <CustomerForm
          key={`${customer?.id ?? "new"}-${customer?.version ?? 0}-${opening}`}
          customer={customer}
          onDone={(saved) => {
            toast.success(customer ? `Saved ${saved.name}.` : `Created ${saved.name}.`);
            onOpenChange(false);
            router.refresh();
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
