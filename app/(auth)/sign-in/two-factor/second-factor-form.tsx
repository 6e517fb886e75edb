"use client";
import { useState } from "react";
import { KeyRound, Smartphone } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { SecondFactorInput } from "@/lib/validations/account";
import { completeSecondFactorAction } from "@/lib/actions/auth/complete-second-factor";

export function SecondFactorForm({ next }: { next?: string }) {
  const [method, setMethod] = useState<"totp" | "recovery">("totp");
  const { form, errors, formError, setFormError, onSubmit } = useActionForm({
    defaultValues: { method: "totp", code: "" },
    action: (values: SecondFactorInput) => completeSecondFactorAction({ ...values, method }, next),
    onSuccess: (data) => window.location.assign(data.redirectTo),
    onFailure: (f) => f.resetField("code"),
  });
  const error = errors.code?.message;

  const switchMethod = () => {
    setMethod((m) => (m === "totp" ? "recovery" : "totp"));
    form.reset({ method, code: "" });
    setFormError(null);
  };

  const totp = method === "totp";
  return (
    <ActionForm onSubmit={onSubmit} formError={formError} className="space-y-5">
      <TextField
        id="code"
        label={totp ? "Authentication code" : "Recovery code"}
        hint={
          totp
            ? "Open your authenticator app and enter the 6-digit code."
            : "Enter one of the codes you saved when you set up two-factor authentication. Each works once."
        }
        error={error}
        key={method}
        autoFocus
        autoComplete={totp ? "one-time-code" : "off"}
        inputMode={totp ? "numeric" : "text"}
        placeholder={totp ? "123456" : "abcde-fghjk"}
        maxLength={totp ? 7 : 12}
        className={totp ? "text-center font-mono text-lg! tracking-[0.4em]" : "font-mono"}
        {...form.register("code", {
          required: totp ? "Enter the 6-digit code from your app." : "Enter a recovery code.",
        })}
      />
      <Button type="submit" className="w-full" size="lg" loading={form.formState.isSubmitting}>
        Verify
      </Button>
      <button
        type="button"
        onClick={switchMethod}
        className="flex w-full items-center justify-center gap-2 rounded-md py-1 text-sm font-medium text-brand hover:underline"
      >
        {totp ? (
          <KeyRound className="size-4" aria-hidden="true" />
        ) : (
          <Smartphone className="size-4" aria-hidden="true" />
        )}
        {totp ? "Use a recovery code instead" : "Use your authenticator app instead"}
      </button>
    </ActionForm>
  );
}
