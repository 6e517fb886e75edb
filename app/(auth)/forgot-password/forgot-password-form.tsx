"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { MailCheck } from "lucide-react";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { IconNote } from "@/components/ui/icon-note";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/validations/account";
import { forgotPasswordAction } from "@/lib/actions/auth/forgot-password";

export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, errors, formError, onSubmit } = useActionForm({
    resolver: zodResolver(forgotPasswordSchema),
    defaultValues: { email: "" },
    action: (values: ForgotPasswordInput) => forgotPasswordAction(values),
    onSuccess: (_data, f) => setSentTo(f.getValues().email.trim()),
  });
  const error = errors.email?.message;
  if (sentTo) {
    return (
      <IconNote icon={MailCheck} status>
        If an account exists for <span className="font-medium text-foreground">{sentTo}</span>, we sent it a link to
        choose a new password. The link works once and expires in 30 minutes.
      </IconNote>
    );
  }
  return (
    <ActionForm onSubmit={onSubmit} formError={formError} className="space-y-5">
      <TextField
        id="email"
        label="Email"
        error={error}
        type="email"
        autoComplete="email"
        autoFocus
        {...form.register("email")}
      />
      <Button type="submit" size="lg" className="w-full" loading={form.formState.isSubmitting}>
        Send reset link
      </Button>
    </ActionForm>
  );
}
