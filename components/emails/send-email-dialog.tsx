"use client";
// "Send email" for a customer: a plain message (subject + message) or one of the allow-listed
// templates (lib/email/api-templates.ts) with its variables, sent through the email API's DAL
// (rate limited, audited). The customer's name fills the templates' greeting. Placed on the
// customer detail page: <SendEmailDialog customerId={c.id} customerName={c.name} email={c.email} />.
import { zodResolver } from "@hookform/resolvers/zod";
import { Mail } from "lucide-react";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field, describedBy } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { sendCustomerEmailAction } from "@/lib/actions/emails/send-customer-email";
import type { ApiEmail } from "@/lib/data/emails/api-email";
import { cn } from "@/lib/cn";
import { API_EMAIL_TEMPLATES, API_EMAIL_TEMPLATE_KEYS, type TemplateVariable } from "@/lib/email/api-templates";
import { customerEmailFormSchema, EMAIL_TEXT_MAX, type CustomerEmailFormValues } from "@/lib/validations/email";

const textareaClasses = cn(
  "block w-full rounded-lg border border-border bg-surface px-3 py-2 text-sm text-foreground shadow-sm transition",
  "placeholder:text-muted-foreground/70 focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/30",
  "aria-[invalid=true]:border-danger",
);

const STATUS_TEXT: Record<ApiEmail["status"], string> = {
  sent: "sent",
  queued: "queued for sending",
  outbox: "kept in the outbox",
  failed: "not sent",
};

export function SendEmailDialog({
  customerId,
  customerName,
  email,
}: {
  customerId: string;
  customerName: string;
  email: string | null;
}) {
  const [open, setOpen] = useState(false);
  if (!email) {
    return (
      <Button variant="secondary" disabled title="This customer has no email address.">
        <Mail className="size-4" aria-hidden="true" />
        Send email
      </Button>
    );
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Mail className="size-4" aria-hidden="true" />
          Send email
        </Button>
      </DialogTrigger>
      <DialogContent title={`Email ${customerName}`} description={`To ${email}.`} size="lg">
        <SendEmailForm customerId={customerId} onSent={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function SendEmailForm({ customerId, onSent }: { customerId: string; onSent: () => void }) {
  const { form, errors, formError, onSubmit } = useActionForm<CustomerEmailFormValues, CustomerEmailFormValues, ApiEmail>({
    resolver: zodResolver(customerEmailFormSchema),
    defaultValues: { customerId, template: "", subject: "", message: "", variables: {} },
    action: (values) => sendCustomerEmailAction(values),
    onSuccess: (sent) => {
      toast.success(`Email to ${sent.to} ${STATUS_TEXT[sent.status]}.`);
      onSent();
    },
  });
  const template = form.watch("template");
  const variables: [string, TemplateVariable][] = template
    ? Object.entries(API_EMAIL_TEMPLATES[template].variables as Record<string, TemplateVariable>).filter(
        ([name]) => name !== "customerName",
      )
    : [];
  const variableErrors = (errors.variables ?? {}) as Record<string, { message?: string } | undefined>;

  return (
    <ActionForm onSubmit={onSubmit} formError={formError} className="space-y-5">
      <input type="hidden" {...form.register("customerId")} />
      <Select
        id="email-template"
        label="Template"
        options={[
          { value: "", label: "Plain message" },
          ...API_EMAIL_TEMPLATE_KEYS.map((key) => ({ value: key, label: API_EMAIL_TEMPLATES[key].label })),
        ]}
        {...form.register("template")}
      />
      {template ? (
        <p className="-mt-3 text-sm text-muted-foreground">{API_EMAIL_TEMPLATES[template].description}</p>
      ) : null}
      <TextField
        id="email-subject"
        label={template ? "Subject (optional)" : "Subject"}
        hint={template ? "Leave blank for the template's own subject." : undefined}
        error={errors.subject?.message}
        autoComplete="off"
        {...form.register("subject")}
      />
      {template === "" ? (
        <Field id="email-message" label="Message" error={errors.message?.message} hint="Blank lines start a new paragraph.">
          <textarea
            id="email-message"
            rows={7}
            maxLength={EMAIL_TEXT_MAX}
            aria-invalid={errors.message ? true : undefined}
            aria-describedby={describedBy("email-message", errors.message?.message, true)}
            className={textareaClasses}
            {...form.register("message")}
          />
        </Field>
      ) : (
        variables.map(([name, spec]) =>
          spec.multiline ? (
            <Field key={name} id={`email-var-${name}`} label={spec.label} error={variableErrors[name]?.message}>
              <textarea
                id={`email-var-${name}`}
                rows={6}
                maxLength={spec.maxLength}
                aria-invalid={variableErrors[name] ? true : undefined}
                aria-describedby={describedBy(`email-var-${name}`, variableErrors[name]?.message)}
                className={textareaClasses}
                {...form.register(`variables.${name}`)}
              />
            </Field>
          ) : (
            <TextField
              key={name}
              id={`email-var-${name}`}
              label={spec.label}
              maxLength={spec.maxLength}
              error={variableErrors[name]?.message}
              autoComplete="off"
              {...form.register(`variables.${name}`)}
            />
          ),
        )
      )}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" loading={form.formState.isSubmitting}>
          <Mail className="size-4" aria-hidden="true" />
          Send
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
