import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { TwoFactorCard } from "@/components/two-factor/two-factor-card";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { config } from "@/lib/config";
import { getTwoFactorStatus } from "@/lib/data/two-factor/get-two-factor-status";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  const viewer = await requirePageViewer();
  const status = await getTwoFactorStatus(viewer);
  return (
    <>
      <TwoFactorCard status={status} productName={config.productName} />
      <Card>
        <CardHeader title="Password" description="Changing it signs out every other device." />
        <CardBody>
          <ChangePasswordForm userInputs={[viewer.username, viewer.email, viewer.firstName, viewer.lastName]} />
        </CardBody>
      </Card>
    </>
  );
}
