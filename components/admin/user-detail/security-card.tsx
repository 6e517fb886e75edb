"use client";
// Security: the account's second factor, password and email verification, with what an
// administrator may do about each.
import { useId, useState, type ReactNode } from "react";
import { KeyRound, MailCheck, ShieldCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RefusalNote } from "@/components/admin/user-detail/refusal-note";
import { useAdminAction } from "@/components/admin/user-detail/use-admin-action";
import { forcePasswordResetAction } from "@/lib/actions/admin/force-password-reset";
import { resendVerificationAction } from "@/lib/actions/admin/resend-verification";
import { resetUserTwoFactorAction } from "@/lib/actions/admin/reset-user-two-factor";
import { resetRemoves, twoFactorState } from "@/components/admin/user-detail/two-factor-summary";
import type { UserDetail } from "@/lib/data/users/get-user-detail";
import { formatDateTime } from "@/lib/format";

function Item({
  icon: Icon,
  title,
  state,
  refusal,
  children,
}: {
  icon: typeof KeyRound;
  title: string;
  state: ReactNode;
  refusal?: string;
  children?: ReactNode;
}) {
  return (
    <li className="flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex min-w-0 items-start gap-3">
        <span className="mt-0.5 flex size-9 shrink-0 items-center justify-center rounded-full bg-muted text-muted-foreground">
          <Icon className="size-4" aria-hidden="true" />
        </span>
        <div className="min-w-0 space-y-1">
          <p className="text-sm font-medium text-foreground">{title}</p>
          <p className="text-xs text-muted-foreground">{state}</p>
          {children ? null : <RefusalNote>{refusal}</RefusalNote>}
        </div>
      </div>
      {children ? <div className="shrink-0 self-start sm:self-auto">{children}</div> : null}
    </li>
  );
}

export function SecurityCard({ user }: { user: UserDetail }) {
  const run = useAdminAction();
  const name = `${user.firstName} ${user.lastName}`;
  const [signOut, setSignOut] = useState(true);
  const signOutId = useId();
  const may = user.viewerMay;
  return (
    <Card>
      <CardHeader title="Security" description="Sign-in protection of the account." />
      <ul className="divide-y divide-border">
        <Item
          icon={ShieldCheck}
          title="Two-factor authentication"
          state={twoFactorState(user)}
          refusal={user.twoFactorEnabled ? user.refusals.resetTwoFactor : undefined}
        >
          {may.resetTwoFactor ? (
            <ConfirmDialog
              trigger={
                <Button variant="secondary" size="sm">
                  Reset 2FA
                </Button>
              }
              title={`Reset ${name}'s two-factor authentication?`}
              description={`Their ${resetRemoves(user)}, they are signed out everywhere, and a role that requires 2FA sends them to set it up again at their next sign-in. They are told by email.`}
              variant="danger"
              confirmLabel="Reset 2FA"
              onConfirm={() =>
                run(() => resetUserTwoFactorAction(user.id), `Two-factor authentication of ${name} was reset.`)
              }
            />
          ) : null}
        </Item>
        <Item
          icon={KeyRound}
          title="Password"
          state={`Last changed ${formatDateTime(user.passwordChangedAt)}`}
          refusal={user.refusals.forcePasswordReset}
        >
          {may.forcePasswordReset ? (
            <ConfirmDialog
              trigger={
                <Button variant="secondary" size="sm">
                  Send password reset
                </Button>
              }
              title={`Make ${name} choose a new password?`}
              description={`A single-use link valid for 30 minutes goes to ${user.email}.`}
              confirmLabel="Send reset link"
              onConfirm={() =>
                run(
                  () => forcePasswordResetAction({ userId: user.id, signOut }),
                  (d) =>
                    `Reset link sent to ${d.email}${signOut ? `; ${d.sessionsEnded} session${d.sessionsEnded === 1 ? "" : "s"} ended` : ""}.`,
                )
              }
            >
              <div className="flex items-start gap-2.5 rounded-lg border border-border px-3 py-2.5">
                <input
                  id={signOutId}
                  type="checkbox"
                  checked={signOut}
                  onChange={(e) => setSignOut(e.target.checked)}
                  className="mt-0.5 size-4 rounded border-border accent-[var(--brand)]"
                />
                <label htmlFor={signOutId} className="text-sm text-foreground">
                  Sign them out everywhere now
                  <span className="block text-xs text-muted-foreground">
                    Otherwise the current password and sessions keep working until the new password is set.
                  </span>
                </label>
              </div>
            </ConfirmDialog>
          ) : null}
        </Item>
        <Item
          icon={MailCheck}
          title="Email address"
          state={
            user.emailVerifiedAt
              ? `Verified ${formatDateTime(user.emailVerifiedAt)}`
              : `${user.email} is not verified yet`
          }
          refusal={user.emailVerified ? undefined : user.refusals.resendVerification}
        >
          {may.resendVerification ? (
            <ConfirmDialog
              trigger={
                <Button variant="secondary" size="sm">
                  Resend verification
                </Button>
              }
              title="Resend the verification email?"
              description={`A new link goes to ${user.email}; earlier links stop working.`}
              confirmLabel="Send link"
              onConfirm={() =>
                run(
                  () => resendVerificationAction(user.id),
                  (d) => `Verification link sent to ${d.email}.`,
                )
              }
            />
          ) : null}
        </Item>
      </ul>
    </Card>
  );
}
