"use client";
import { useState, useTransition } from "react";
import { AddPasskeyDialog } from "@/components/passkeys/add-passkey-dialog";
import { toast } from "@/components/ui/toast";
import { TotpEnrolment } from "@/components/two-factor/totp-enrolment";
import { RecoveryCodesPanel } from "@/components/two-factor/recovery-codes-panel";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TwoFactorStatus } from "@/lib/data/two-factor/get-two-factor-status";
import { finishTwoFactorEnrolmentAction } from "@/lib/actions/two-factor/finish-two-factor-enrolment";

/** The app after enrolment. A full load: the proxy and the layout must see the new (full) session cookie. */
function continueToApp() {
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- deliberate full navigation
  window.location.assign("/dashboard");
}

/** Releases the held-back session (it becomes a full one) and leaves for the app. */
function FinishButton({ label }: { label: string }) {
  const [pending, start] = useTransition();
  const finish = () =>
    start(async () => {
      const result = await finishTwoFactorEnrolmentAction();
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      continueToApp();
    });
  return (
    <Button onClick={finish} loading={pending}>
      {label}
    </Button>
  );
}

/**
 * Enrolment a role requires, for a session held back until it is done: an authenticator app, or a
 * passkey instead (it is a second factor too). One client component for every state, so the
 * recovery codes returned by turning 2FA on stay on screen (once, in memory only) whatever the page
 * shows after a refresh. Adding a passkey releases the session at once (the server writes the full
 * cookie and this page would now send the session to Settings → Security), so the app follows
 * straight away; a passkey has no recovery codes, which the page says before it is chosen.
 */
export function ForcedEnrolment({
  status,
  sessionConfirmed,
  requirePassword,
  email,
  productName,
}: {
  status: TwoFactorStatus;
  /** This very session turned 2FA on (state enrolment_confirmed). */
  sessionConfirmed: boolean;
  /** Not a sign-in of the last minutes (enrolment-needs-password.ts): the password is asked again. */
  requirePassword: boolean;
  email: string;
  productName: string;
}) {
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  if (newCodes) {
    return (
      <div className="space-y-5">
        <RecoveryCodesPanel codes={newCodes} productName={productName} />
        <FinishButton label="I saved my codes, continue" />
      </div>
    );
  }
  if (status.status === "on" && sessionConfirmed) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-muted-foreground">Two-factor authentication is on. You can continue to the app.</p>
        <FinishButton label="Continue" />
      </div>
    );
  }
  if (status.status === "on") {
    return (
      <p className="text-sm text-muted-foreground">
        Two-factor authentication was set up from another sign-in. Cancel below and sign in again with a code.
      </p>
    );
  }
  if (!status.emailVerified) {
    return (
      <Alert tone="info" title="Verify your email address first">
        Two-factor authentication can be set up only once your address is confirmed. Open the link we sent to {email},
        then sign in again. If the link has expired, choose “Forgot password” on the sign-in page: resetting your
        password also confirms your address.
      </Alert>
    );
  }
  return (
    <div className="space-y-6">
      <section aria-labelledby="enrol-totp-heading" className="space-y-3">
        <h2 id="enrol-totp-heading" className="text-sm font-semibold text-foreground">
          Authenticator app
        </h2>
        <TotpEnrolment
          pending={status.status === "pending" ? status : null}
          setUpElsewhere={status.status === "off" && status.setUpElsewhere}
          requirePassword={requirePassword}
          onEnabled={setNewCodes}
        />
      </section>
      <div className="flex items-center gap-3 text-xs uppercase tracking-wide text-muted-foreground" aria-hidden="true">
        <span className="h-px flex-1 bg-border" />
        or
        <span className="h-px flex-1 bg-border" />
      </div>
      <section aria-labelledby="enrol-passkey-heading" className="space-y-3">
        <h2 id="enrol-passkey-heading" className="text-sm font-semibold text-foreground">
          Passkey
        </h2>
        <p className="text-sm text-muted-foreground">
          Confirm with your fingerprint, face or device PIN instead of typing codes.
        </p>
        <p className="text-sm text-muted-foreground" data-testid="passkey-no-recovery-codes">
          A passkey comes without recovery codes: if this device is lost, only another passkey or an authenticator app
          lets you in. Add one later in Settings → Sign-in methods or Settings → Security.
        </p>
        <AddPasskeyDialog
          needsPassword={requirePassword}
          triggerLabel="Use a passkey instead"
          triggerVariant="secondary"
          onAdded={continueToApp}
        />
      </section>
    </div>
  );
}
