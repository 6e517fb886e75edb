"use client";
import Link from "next/link";
import { useState } from "react";
import { TotpEnrolment } from "@/components/two-factor/totp-enrolment";
import { RecoveryCodesPanel } from "@/components/two-factor/recovery-codes-panel";
import { TwoFactorBadge } from "@/components/two-factor/two-factor-badge";
import { TwoFactorManage } from "@/components/two-factor/two-factor-manage";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { TwoFactorStatus } from "@/lib/data/two-factor/get-two-factor-status";
import { formatDateTime } from "@/lib/format";

/**
 * The two-factor card of Settings → Security. One client component for every state, so the
 * recovery codes returned by turning 2FA on survive the page's refresh to the stored state "on":
 * they live only in this page's memory (never on the server in plain text, never in a later
 * page load) and are shown once, while the card already says On. Passkeys (Settings → Sign-in
 * methods) are second factors too: the card counts them, and with them alone 2FA already reads on.
 */
export function TwoFactorCard({ status, productName }: { status: TwoFactorStatus; productName: string }) {
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  // The confirm action answers only after 2FA is stored as on (and the page data is refreshed with it).
  const on = status.status === "on" || newCodes !== null;
  return (
    <Card>
      <CardHeader
        title="Two-factor authentication"
        description={
          status.passkeys > 0
            ? "A second step at sign-in (a passkey, or a code from an authenticator app), so a stolen password alone is not enough."
            : "A code from an authenticator app at every sign-in, so a stolen password alone is not enough."
        }
        action={<TwoFactorBadge on={on} passkeys={status.passkeys} />}
      />
      <CardBody className="space-y-4">
        <PasskeysNote passkeys={status.passkeys} totpOn={on} />
        {newCodes ? (
          <div className="space-y-5">
            <p className="text-sm text-muted-foreground">Two-factor authentication is on.</p>
            <RecoveryCodesPanel codes={newCodes} productName={productName} />
            <Button onClick={() => setNewCodes(null)}>I saved my codes, continue</Button>
          </div>
        ) : status.status === "on" ? (
          <>
            <p className="text-sm text-muted-foreground">Turned on {formatDateTime(status.enabledAt)}.</p>
            <TwoFactorManage
              productName={productName}
              recoveryCodesLeft={status.recoveryCodesLeft}
              requiredByRole={status.requiredByRole}
            />
          </>
        ) : !status.emailVerified ? (
          <Alert tone="info" title="Verify your email address first">
            Two-factor authentication can be turned on once your address is confirmed. Open the link we sent you, or ask
            for a new one from the banner at the top of the page.
          </Alert>
        ) : (
          <TotpEnrolment
            pending={status.status === "pending" ? status : null}
            setUpElsewhere={status.status === "off" && status.setUpElsewhere}
            requirePassword
            onEnabled={setNewCodes}
          />
        )}
      </CardBody>
    </Card>
  );
}

/** How many passkeys also serve as the second factor, and where they are managed. */
function PasskeysNote({ passkeys, totpOn }: { passkeys: number; totpOn: boolean }) {
  if (passkeys === 0) return null;
  const count = passkeys === 1 ? "1 passkey" : `${passkeys} passkeys`;
  return (
    <p className="text-sm text-muted-foreground" data-testid="two-factor-passkeys">
      {totpOn
        ? `Your account also has ${count}, ${passkeys === 1 ? "which works" : "each of which works"} as the second factor too. `
        : `Your account has ${count}, your second factor already. An authenticator app below is optional: it adds recovery codes in case a passkey is lost. `}
      <Link href="/settings/sign-in-methods" className="font-medium text-brand hover:underline">
        Manage passkeys in Sign-in methods
      </Link>
    </p>
  );
}
