"use client";
import { ActionButton } from "@/components/ui/action-button";
import { resendVerificationAction } from "@/lib/actions/auth/resend-verification";

/** "Resend email" for the waiting page, where the app's verify-email banner is not shown. */
export function ResendVerificationInline() {
  return (
    <ActionButton
      variant="secondary"
      size="sm"
      refresh={false}
      action={resendVerificationAction}
      success={(d) => `A new link is on its way to ${d.email}.`}
    >
      Resend email
    </ActionButton>
  );
}
