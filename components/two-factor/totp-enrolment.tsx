"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/auth/use-action-form";
import { RecoveryCodesPanel } from "@/components/two-factor/recovery-codes-panel";
import { confirmTotpSchema, type ConfirmTotpInput, type PasswordOnlyInput } from "@/lib/validations/account";
import {
  confirmTotpEnrolmentAction,
  finishTwoFactorEnrolmentAction,
  startTotpEnrolmentAction,
} from "@/app/(app)/settings/security/actions";

type Props = {
  productName: string;
  pending: { secret: string; qrDataUrl: string } | null;
  /** Where to go after the codes are saved. */
  doneHref: string;
  /** The session was held back for enrolment: release it before leaving. */
  releaseSession?: boolean;
  /** Starting needs the current password (a full session; not the held-back one). */
  requirePassword?: boolean;
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

/** Leaves the enrolment: releases a held-back session first when asked to. */
export function FinishEnrolmentButton({
  doneHref,
  releaseSession,
  label,
}: {
  doneHref: string;
  releaseSession?: boolean;
  label: string;
}) {
  const [pending, start] = useTransition();
  const finish = () =>
    start(async () => {
      if (releaseSession) {
        const result = await finishTwoFactorEnrolmentAction();
        if (!result.ok) {
          toast.error(result.error);
          return;
        }
      }
      window.location.assign(doneHref);
    });
  return (
    <Button onClick={finish} loading={pending}>
      {label}
    </Button>
  );
}

/** Turning 2FA on: start → scan the QR (or type the secret) → confirm with a code → save recovery codes. */
export function TotpEnrolment({ productName, pending, doneHref, releaseSession, requirePassword = false }: Props) {
  const [restart, setRestart] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const { form, errors, formError, onSubmit } = useActionForm({
    resolver: zodResolver(confirmTotpSchema),
    defaultValues: { code: "" },
    action: (values: ConfirmTotpInput) => confirmTotpEnrolmentAction(values),
    onSuccess: (data) => {
      setCodes(data.recoveryCodes);
      toast.success("Two-factor authentication is on.");
    },
  });
  const error = errors.code?.message;

  if (codes) {
    return (
      <div className="space-y-5">
        <RecoveryCodesPanel codes={codes} productName={productName} />
        <FinishEnrolmentButton doneHref={doneHref} releaseSession={releaseSession} label="I saved my codes, continue" />
      </div>
    );
  }

  if (!pending) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-muted-foreground">
          Use an authenticator app such as 1Password, Google Authenticator, Authy or Bitwarden. Every sign-in will then
          also ask for a 6-digit code from it.
        </p>
        <StartForm requirePassword={requirePassword} label="Set up two-factor authentication" />
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
          <ActionForm onSubmit={onSubmit} formError={formError} className="space-y-4">
            <TextField
              id="totp-code"
              label="Code from the app"
              error={error}
              autoComplete="one-time-code"
              inputMode="numeric"
              placeholder="123456"
              maxLength={7}
              className="max-w-40 font-mono tracking-[0.3em]"
              {...form.register("code")}
            />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" loading={form.formState.isSubmitting}>
                Turn on
              </Button>
              <Button variant="ghost" aria-expanded={restart} onClick={() => setRestart((v) => !v)}>
                Start over with a new key
              </Button>
            </div>
          </ActionForm>
          {restart ? <StartForm requirePassword={requirePassword} label="Make a new key" variant="secondary" /> : null}
        </div>
      </div>
    </div>
  );
}
