"use client";
// Quick actions on a user from a list row: sign out everywhere, reset 2FA. Each asks first in a
// dialog; the user's page (/admin/users/[id]) has the full set.
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAdminAction } from "@/components/admin/user-detail/use-admin-action";
import { resetUserTwoFactorAction } from "@/lib/actions/admin/reset-user-two-factor";
import { revokeUserSessionsAction } from "@/lib/actions/admin/revoke-user-sessions";

export function UserActions({
  userId,
  name,
  twoFactor,
  sessions,
  self,
}: {
  userId: string;
  name: string;
  twoFactor: boolean;
  sessions: number;
  self: boolean;
}) {
  const run = useAdminAction();
  return (
    <div className="flex justify-end gap-2">
      <ConfirmDialog
        trigger={
          <Button
            variant="secondary"
            size="sm"
            disabled={sessions === 0 || self}
            title={self ? "Use Settings → Sessions for your own sessions" : undefined}
          >
            Sign out everywhere
          </Button>
        }
        title={`Sign ${name} out of every device?`}
        description="Pending password-reset and email-change links stop working too."
        variant="danger"
        confirmLabel="Sign out everywhere"
        onConfirm={() => run(() => revokeUserSessionsAction(userId), `${name} was signed out everywhere.`)}
      />
      <ConfirmDialog
        trigger={
          <Button variant="secondary" size="sm" disabled={!twoFactor || self}>
            Reset 2FA
          </Button>
        }
        title={`Remove two-factor authentication from ${name}?`}
        description="They are signed out and must set it up again."
        variant="danger"
        confirmLabel="Reset 2FA"
        onConfirm={() => run(() => resetUserTwoFactorAction(userId), `Two-factor authentication of ${name} was reset.`)}
      />
    </div>
  );
}
