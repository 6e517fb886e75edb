"use client";
import { useTransition } from "react";
import { toast } from "sonner";
import { MailWarning } from "lucide-react";
import { Button } from "@/components/ui/button";
import { resendVerificationAction } from "@/app/(app)/actions";

export function VerifyEmailBanner({ email }: { email: string }) {
  const [pending, start] = useTransition();
  const resend = () =>
    start(async () => {
      const result = await resendVerificationAction();
      if (result.ok) toast.success(`A new link is on its way to ${result.data.email}.`);
      else toast.error(result.error);
    });
  return (
    <div role="status" className="flex flex-col gap-3 border-b border-warning/30 bg-warning-soft px-4 py-3 text-sm sm:flex-row sm:items-center sm:justify-between sm:px-8">
      <p className="flex items-start gap-2.5 text-foreground">
        <MailWarning className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden="true" />
        <span>
          Confirm <span className="font-medium">{email}</span> to unlock records, email and the rest of your role&apos;s features. Check your inbox for the link.
        </span>
      </p>
      <Button variant="secondary" size="sm" onClick={resend} loading={pending} className="shrink-0">
        Resend email
      </Button>
    </div>
  );
}
