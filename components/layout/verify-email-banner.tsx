"use client";
import { MailWarning } from "lucide-react";
import { ActionButton } from "@/components/ui/action-button";
import { resendVerificationAction } from "@/lib/actions/auth/resend-verification";

export function VerifyEmailBanner({ email }: { email: string }) {
  return (
    <div
      role="status"
      className="flex flex-col gap-3 border-b border-warning/30 bg-warning-soft px-4 py-3 text-sm sm:flex-row sm:items-center sm:justify-between sm:px-8"
    >
      <p className="flex items-start gap-2.5 text-foreground">
        <MailWarning className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden="true" />
        <span>
          Confirm <span className="font-medium">{email}</span> to unlock records, email and the rest of your role&apos;s
          features. Check your inbox for the link.
        </span>
      </p>
      <ActionButton
        variant="secondary"
        size="sm"
        className="shrink-0"
        refresh={false}
        action={resendVerificationAction}
        success={(d) => `A new link is on its way to ${d.email}.`}
      >
        Resend email
      </ActionButton>
    </div>
  );
}
