"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { MailCheck } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { IconNote } from "@/components/ui/icon-note";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { applyActionErrors } from "@/components/auth/use-action-form";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/validations/account";
import { forgotPasswordAction } from "./actions";

export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ForgotPasswordInput>({
    resolver: zodResolver(forgotPasswordSchema),
    defaultValues: { email: "" },
  });
  const error = form.formState.errors.email?.message;
  const onSubmit = form.handleSubmit(async () => {
    setFormError(null);
    const result = await forgotPasswordAction(form.getValues());
    if (result.ok) setSentTo(form.getValues().email.trim());
    else setFormError(applyActionErrors(form, result));
  });
  if (sentTo) {
    return (
      <IconNote icon={MailCheck} status>
        If an account exists for <span className="font-medium text-foreground">{sentTo}</span>, we sent it a link to
        choose a new password. The link works once and expires in 30 minutes.
      </IconNote>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <Alert tone="danger" title={formError} /> : null}
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
    </form>
  );
}
