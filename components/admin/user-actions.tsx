"use client";
import { ActionButton } from "@/components/ui/action-button";
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
  return (
    <div className="flex justify-end gap-2">
      <ActionButton
        variant="secondary"
        size="sm"
        disabled={sessions === 0 || self}
        title={self ? "Use Settings → Sessions for your own sessions" : undefined}
        confirm={`Sign ${name} out of every device?`}
        action={() => revokeUserSessionsAction(userId)}
        success={`${name} was signed out everywhere.`}
      >
        Sign out everywhere
      </ActionButton>
      <ActionButton
        variant="secondary"
        size="sm"
        disabled={!twoFactor || self}
        confirm={`Remove two-factor authentication from ${name}? They will be signed out and must set it up again.`}
        action={() => resetUserTwoFactorAction(userId)}
        success={`Two-factor authentication of ${name} was reset.`}
      >
        Reset 2FA
      </ActionButton>
    </div>
  );
}
