"use client";
import { useState } from "react";
import { KeyRound, Smartphone } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { SecondFactorInput } from "@/lib/validations/account";
import { completeSecondFactorAction } from "@/lib/actions/auth/complete-second-factor";
import { PasskeySecondFactor } from "./passkey-second-factor";

/** What the account can give: a TOTP code, a recovery code, a passkey (lib/data/passkeys/begin-passkey-second-factor.ts). */
export type SecondFactorChoices = { totp: boolean; passkey: boolean; recoveryCodes: boolean };

export function SecondFactorForm({ next, choices }: { next?: string; choices: SecondFactorChoices }) {
  const codes = choices.totp || choices.recoveryCodes;
  if (!codes && !choices.passkey) {
    return (
      <Alert tone="warning" title="No second factor is set up any more">
        Two-factor authentication was removed from this account while you were signing in. Sign in again.
      </Alert>
    );
  }
  return (
    <div className="space-y-5">
      {choices.passkey ? <PasskeySecondFactor next={next} primary={!choices.totp} /> : null}
      {choices.passkey && codes ? (
        <div
          className="flex items-center gap-3 text-xs uppercase tracking-wide text-muted-foreground"
          aria-hidden="true"
        >
          <span className="h-px flex-1 bg-border" />
          or
          <span className="h-px flex-1 bg-border" />
        </div>
      ) : null}
      {codes ? (
        <CodeForm
          next={next}
          initial={choices.totp ? "totp" : "recovery"}
          canSwitch={choices.totp}
          autoFocus={choices.totp || !choices.passkey}
        />
      ) : null}
    </div>
  );
}

function CodeForm({
  next,
  initial,
  canSwitch,
  autoFocus,
}: {
  next?: string;
  initial: "totp" | "recovery";
  canSwitch: boolean;
  autoFocus: boolean;
}) {
  const [method, setMethod] = useState<"totp" | "recovery">(initial);
  const { form, errors, formError, setFormError, onSubmit } = useActionForm({
    defaultValues: { method: initial, code: "" },
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
        autoFocus={autoFocus}
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
      {canSwitch ? (
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
      ) : null}
    </ActionForm>
  );
}
