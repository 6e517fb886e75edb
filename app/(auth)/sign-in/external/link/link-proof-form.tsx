"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { MailCheck } from "lucide-react";
import { useState, useTransition } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  proveExternalLinkWithPasswordAction,
  sendExternalLinkEmailAction,
} from "@/lib/actions/sign-in-methods/prove-external-link";
import { externalLinkPasswordSchema, type ExternalLinkPasswordInput } from "@/lib/validations/sign-in-methods";

export function LinkProofForm({
  providerName,
  email,
  hasPassword,
  emailProofSent,
}: {
  providerName: string;
  email: string;
  hasPassword: boolean;
  emailProofSent: boolean;
}) {
  const { form, errors, formError, onSubmit } = useActionForm({
    resolver: zodResolver(externalLinkPasswordSchema),
    action: (values: ExternalLinkPasswordInput) => proveExternalLinkWithPasswordAction(values),
    onSuccess: (data) => window.location.assign(data.redirectTo),
    onFailure: (f) => f.setValue("password", ""),
    defaultValues: { password: "" },
  });
  const [sent, setSent] = useState(emailProofSent);
  const [mailError, setMailError] = useState<string | null>(null);
  const [sending, startSending] = useTransition();

  function sendLink() {
    startSending(async () => {
      setMailError(null);
      const result = await sendExternalLinkEmailAction();
      if (result.ok) setSent(true);
      else setMailError(result.error);
    });
  }

  return (
    <div className="space-y-6">
      {hasPassword ? (
        <ActionForm onSubmit={onSubmit} formError={formError} className="space-y-4">
          <TextField
            id="password"
            label="Password of your account"
            type="password"
            autoComplete="current-password"
            autoFocus
            error={errors.password?.message}
            {...form.register("password")}
          />
          <Button type="submit" className="w-full" size="lg" loading={form.formState.isSubmitting}>
            Link {providerName} and sign in
          </Button>
        </ActionForm>
      ) : null}
      {hasPassword ? (
        <div
          className="flex items-center gap-3 text-xs uppercase tracking-wide text-muted-foreground"
          aria-hidden="true"
        >
          <span className="h-px flex-1 bg-border" />
          or
          <span className="h-px flex-1 bg-border" />
        </div>
      ) : null}
      <div className="space-y-3">
        {sent ? (
          <Alert tone="success" title={`We sent a link to ${email}.`}>
            Open it in this browser within 15 minutes to link {providerName}. Did not arrive? Check spam, or send it
            again.
          </Alert>
        ) : null}
        {mailError ? <Alert tone="danger" title={mailError} /> : null}
        <Button
          variant="secondary"
          className="w-full"
          size="lg"
          onClick={sendLink}
          loading={sending}
          aria-describedby="email-proof-hint"
        >
          <MailCheck className="size-4" aria-hidden="true" />
          {sent ? "Send the link again" : "Email me a link instead"}
        </Button>
        <p id="email-proof-hint" className="text-center text-xs text-muted-foreground">
          The link goes to <span className="break-all">{email}</span>. Nothing is linked until you confirm; if you did
          not mean to, close this page.
        </p>
      </div>
    </div>
  );
}
