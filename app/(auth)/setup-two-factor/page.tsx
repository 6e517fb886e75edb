import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { ForcedEnrolment } from "@/components/two-factor/forced-enrolment";
import { SECOND_FACTOR_PATH } from "@/lib/auth/page-paths";
import { getViewer } from "@/lib/auth/viewer";
import { config } from "@/lib/config";
import { enrolmentNeedsPassword } from "@/lib/data/two-factor/enrolment-needs-password";
import { getTwoFactorStatus } from "@/lib/data/two-factor/get-two-factor-status";
import { cancelSignInAction } from "@/lib/actions/auth/cancel-sign-in";

export const metadata: Metadata = { title: "Set up two-factor authentication" };

// Reached only by a session held back because a role of the user requires 2FA.
export default async function SetupTwoFactorPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  if (viewer.sessionState === "pending_second_factor") redirect(SECOND_FACTOR_PATH);
  if (viewer.sessionState === "active") redirect("/settings/security");
  const [status, requirePassword] = await Promise.all([getTwoFactorStatus(viewer), enrolmentNeedsPassword(viewer)]);
  return (
    <AuthCard
      title="Set up two-factor authentication"
      description="Your role requires a second step at sign-in: an authenticator app or a passkey. Set one up now to continue; it takes a minute."
      footer={
        <form action={cancelSignInAction}>
          <button type="submit" className="font-medium text-brand hover:underline">
            Cancel and sign out
          </button>
        </form>
      }
    >
      <ForcedEnrolment
        status={status}
        sessionConfirmed={viewer.sessionState === "enrolment_confirmed"}
        requirePassword={requirePassword}
        email={viewer.email}
        productName={config.productName}
      />
    </AuthCard>
  );
}
