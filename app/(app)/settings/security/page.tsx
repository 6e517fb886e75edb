import type { Metadata } from "next";
import { ShieldCheck, ShieldOff } from "lucide-react";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { TotpEnrolment } from "@/components/two-factor/totp-enrolment";
import { TwoFactorManage } from "@/components/two-factor/two-factor-manage";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { config } from "@/lib/config";
import { getTwoFactorStatus } from "@/lib/data/two-factor/get-two-factor-status";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  const viewer = await requirePageViewer();
  const status = await getTwoFactorStatus(viewer);
  return (
    <>
      <Card>
        <CardHeader
          title="Two-factor authentication"
          description="A code from an authenticator app at every sign-in, so a stolen password alone is not enough."
          action={
            status.status === "on" ? (
              <span className="inline-flex items-center gap-1.5 rounded-full bg-success-soft px-3 py-1 text-xs font-medium text-success">
                <ShieldCheck className="size-3.5" aria-hidden="true" /> On
              </span>
            ) : (
              <span className="inline-flex items-center gap-1.5 rounded-full bg-muted px-3 py-1 text-xs font-medium text-muted-foreground">
                <ShieldOff className="size-3.5" aria-hidden="true" /> Off
              </span>
            )
          }
        />
        <CardBody>
          {status.status === "on" ? (
            <>
              <p className="mb-4 text-sm text-muted-foreground">Turned on {formatDateTime(status.enabledAt)}.</p>
              <TwoFactorManage
                productName={config.productName}
                recoveryCodesLeft={status.recoveryCodesLeft}
                requiredByRole={status.requiredByRole}
              />
            </>
          ) : (
            <TotpEnrolment
              productName={config.productName}
              pending={status.status === "pending" ? status : null}
              doneHref="/settings/security"
              requirePassword
            />
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Password" description="Changing it signs out every other device." />
        <CardBody>
          <ChangePasswordForm userInputs={[viewer.username, viewer.email, viewer.firstName, viewer.lastName]} />
        </CardBody>
      </Card>
    </>
  );
}
