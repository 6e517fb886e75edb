"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "@/components/ui/toast";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { TotpCodeField } from "@/components/two-factor/totp-code-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { confirmTotpSchema, type ConfirmTotpInput, type PasswordOnlyInput } from "@/lib/validations/account";
import { confirmTotpEnrolmentAction } from "@/lib/actions/two-factor/confirm-totp-enrolment";
import { startTotpEnrolmentAction } from "@/lib/actions/two-factor/start-totp-enrolment";

type Props = {
  /** The key this session is setting up (only the session that began it ever receives one). */
  pending: { secret: string; qrDataUrl: string } | null;
  /** A live set-up belongs to another session of the account. */
  setUpElsewhere: boolean;
  /** The first start needs the current password (a full session; not the held-back one). */
  requirePassword: boolean;
  /** 2FA is on: the recovery codes, to be shown once by the caller. */
  onEnabled: (recoveryCodes: string[]) => void;
};

/** Starts (or restarts) enrolment, asking for the current password when required. */
function StartForm({
  requirePassword,
  label,
  variant = "primary",
}: {
  requirePassword: boolean;
  label: string;
  variant?: "primary" | "secondary";
}) {
  const router = useRouter();
  const { form, errors, formError, onSubmit } = useActionForm({
    defaultValues: { currentPassword: "" },
    action: (values: PasswordOnlyInput) => startTotpEnrolmentAction(requirePassword ? values : {}),
    onSuccess: (_data, f) => {
      f.reset();
      router.refresh();
    },
  });
  const error = errors.currentPassword?.message;
  return (
    <ActionForm onSubmit={onSubmit} formError={formError} className="max-w-md space-y-4">
      {requirePassword ? (
        <TextField
          id="enrol-password"
          label="Your password"
          hint="Confirm it is you before linking an authenticator."
          error={error}
          type="password"
          autoComplete="current-password"
          {...form.register("currentPassword", { required: "Enter your current password." })}
        />
      ) : null}
      <Button type="submit" variant={variant} loading={form.formState.isSubmitting}>
        {label}
      </Button>
    </ActionForm>
  );
}

/** Turning 2FA on: start → scan the QR (or type the secret) → confirm with a code → the caller shows the codes. */
export function TotpEnrolment({ pending, setUpElsewhere, requirePassword, onEnabled }: Props) {
  const [restart, setRestart] = useState(false);
  const { form, errors, formError, onSubmit } = useActionForm({
    resolver: zodResolver(confirmTotpSchema),
    defaultValues: { code: "" },
    action: (values: ConfirmTotpInput) => confirmTotpEnrolmentAction(values),
    onSuccess: (data) => {
      onEnabled(data.recoveryCodes);
      toast.success("Two-factor authentication is on.");
    },
  });
  const error = errors.code?.message;

  if (!pending) {
    return (
      <div className="space-y-4">
        {setUpElsewhere ? (
          <Alert tone="info" title="Set-up is in progress on another device">
            Finish it there, or start over here with your password: the key shown on the other device then stops
            working.
          </Alert>
        ) : null}
        <p className="text-sm text-muted-foreground">
          Use an authenticator app such as 1Password, Google Authenticator, Authy or Bitwarden. Every sign-in will then
          also ask for a 6-digit code from it.
        </p>
        <StartForm
          requirePassword={requirePassword || setUpElsewhere}
          label={setUpElsewhere ? "Start over on this device" : "Set up two-factor authentication"}
        />
      </div>
    );
  }

  return (
    // Side by side only where the container is wide (settings); stacked in the narrow sign-in card.
    <div className="@container">
      <div className="grid gap-6 @xl:grid-cols-[auto_1fr] @xl:items-start">
        <div className="flex flex-col items-center gap-2">
          {/* eslint-disable-next-line @next/next/no-img-element -- a server-rendered data: URL */}
          <img
            src={pending.qrDataUrl}
            alt="QR code to scan with your authenticator app"
            width={200}
            height={200}
            className="rounded-lg border border-border bg-white p-2"
          />
        </div>
        <div className="space-y-5">
          <ol className="list-decimal space-y-1 pl-5 text-sm text-muted-foreground">
            <li>Scan the QR code with your authenticator app.</li>
            <li>Or type this key into it by hand:</li>
          </ol>
          <p
            className="break-all rounded-lg bg-muted px-3 py-2 font-mono text-sm tracking-wider text-foreground"
            data-testid="totp-secret"
          >
            {pending.secret.match(/.{1,4}/g)?.join(" ")}
          </p>
          <p className="text-xs text-muted-foreground">
            Confirm within 10 minutes; after that the key expires and you start over.
          </p>
          <ActionForm onSubmit={onSubmit} formError={formError} className="space-y-4">
            <TotpCodeField id="totp-code" label="Code from the app" error={error} {...form.register("code")} />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" loading={form.formState.isSubmitting}>
                Turn on
              </Button>
              <Button variant="ghost" aria-expanded={restart} onClick={() => setRestart((v) => !v)}>
                Start over with a new key
              </Button>
            </div>
          </ActionForm>
          {/* Replacing a key that is being set up always needs the password again. */}
          {restart ? <StartForm requirePassword label="Make a new key" variant="secondary" /> : null}
        </div>
      </div>
    </div>
  );
}
