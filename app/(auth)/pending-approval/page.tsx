import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Hourglass, XCircle } from "lucide-react";
import { AuthCard } from "@/components/auth/auth-card";
import { ApplicationSteps } from "@/components/staff/application-steps";
import { ResendVerificationInline } from "@/components/staff/resend-verification-inline";
import { Button, buttonClasses } from "@/components/ui/button";
import { ENROLMENT_PATH, PENDING_APPROVAL_PATH, SECOND_FACTOR_PATH } from "@/lib/auth/page-paths";
import { getViewer } from "@/lib/auth/viewer";
import { config } from "@/lib/config";
import { getOwnStaffApplication } from "@/lib/data/staff/get-own-staff-application";
import { formatDateTime } from "@/lib/format";
import { signOutAction } from "@/lib/actions/auth/sign-out";
import { dismissStaffDecisionAction } from "@/lib/actions/staff/dismiss-staff-decision";

export const metadata: Metadata = { title: "Waiting for approval" };

// Where a staff applicant waits (every app page sends them here, lib/auth/require-page-viewer.ts),
// and where a rejected one reads the decision. Anyone else is sent on to the dashboard.
export default async function PendingApprovalPage() {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?${new URLSearchParams({ next: PENDING_APPROVAL_PATH })}`);
  if (viewer.sessionState === "pending_second_factor") redirect(SECOND_FACTOR_PATH);
  if (viewer.sessionState !== "active") redirect(ENROLMENT_PATH);
  const application = await getOwnStaffApplication(viewer);

  const signOut = (
    <form action={signOutAction}>
      <button type="submit" className="font-medium text-brand hover:underline">
        Sign out
      </button>
    </form>
  );

  if (application.status === "rejected") {
    return (
      <AuthCard
        title="Your staff application was not approved"
        description={`Decided ${formatDateTime(application.decidedAt)}. Your account stays open as an ordinary account.`}
        footer={signOut}
      >
        <div className="space-y-6">
          <div className="flex gap-4">
            <div className="flex size-10 shrink-0 items-center justify-center rounded-full bg-danger-soft text-danger">
              <XCircle className="size-5" aria-hidden="true" />
            </div>
            <div className="min-w-0 text-sm">
              <p className="font-medium text-foreground">The reviewer&apos;s reason</p>
              <blockquote
                data-testid="rejection-reason"
                className="mt-1.5 whitespace-pre-line break-words rounded-lg border border-border bg-muted/50 px-3 py-2 text-foreground"
              >
                {application.reason}
              </blockquote>
              <p className="mt-3 text-muted-foreground">
                We emailed this to {viewer.email} too. Questions about the decision? Write to{" "}
                <a className="text-brand hover:underline" href={`mailto:${config.supportEmail}`}>
                  {config.supportEmail}
                </a>
                .
              </p>
            </div>
          </div>
          <form action={dismissStaffDecisionAction}>
            <Button type="submit" size="lg" className="w-full">
              Continue to {config.productName}
            </Button>
          </form>
        </div>
      </AuthCard>
    );
  }

  if (application.status !== "pending") redirect("/dashboard");

  return (
    <AuthCard
      title="Your staff application is waiting for approval"
      description={`Thanks, ${viewer.firstName}. A reviewer at ${config.productName} checks every staff account before it opens.`}
      footer={signOut}
    >
      <div className="space-y-6">
        <ApplicationSteps
          steps={[
            {
              title: "Account created",
              detail: `You applied on ${formatDateTime(application.appliedAt)} as @${viewer.username}.`,
              state: "done",
            },
            viewer.emailVerified
              ? { title: "Email address confirmed", detail: viewer.email, state: "done" }
              : {
                  title: "Confirm your email address",
                  detail: (
                    <>
                      Open the link we sent to <span className="font-medium text-foreground">{viewer.email}</span>.
                      Reviewers see whether it is confirmed.
                    </>
                  ),
                  state: "current",
                  action: <ResendVerificationInline />,
                },
            {
              title: "Review by an approver",
              detail: "You will get an email either way. Until then your account holds no permissions.",
              state: viewer.emailVerified ? "current" : "todo",
            },
          ]}
        />
        <div className="flex items-start gap-3 rounded-lg border border-border bg-muted/40 px-4 py-3 text-sm text-muted-foreground">
          <Hourglass className="mt-0.5 size-4 shrink-0 text-brand" aria-hidden="true" />
          <p>
            Once approved, your account gets the Staff role and the app opens on your next page: there is no need to
            sign in again.
          </p>
        </div>
        <Link href="/dashboard" className={buttonClasses("secondary", "lg", "w-full")}>
          Check again
        </Link>
      </div>
    </AuthCard>
  );
}
