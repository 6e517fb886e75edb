import type { Metadata } from "next";
import Link from "next/link";
import { MailWarning, ShieldCheck } from "lucide-react";
import { IconNote } from "@/components/ui/icon-note";
import { AuthCard } from "@/components/auth/auth-card";
import { Button, buttonClasses } from "@/components/ui/button";
import { usableToken } from "@/lib/auth/one-time-tokens";
import { confirmEmailAction } from "@/lib/actions/auth/confirm-email";

export const metadata: Metadata = { title: "Confirm your email" };

// The link only shows a button: the token is spent by a POST, so mail scanners that follow
// links cannot use it up.
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const usable = await usableToken(token, "email_verification");

  if (!usable) {
    return (
      <AuthCard
        title="This link cannot be used"
        description="It may have expired, been used already, or been replaced by a newer one."
      >
        <IconNote icon={MailWarning} tone="warning">
          Sign in and use <span className="font-medium text-foreground">Resend email</span> on the banner at the top of
          the page to get a new link.
        </IconNote>
        <Link href="/sign-in" className={buttonClasses("primary", "lg", "mt-6 w-full")}>
          Go to sign in
        </Link>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Confirm your email address" description="One click and your account is fully set up.">
      <form action={confirmEmailAction} className="space-y-6">
        <input type="hidden" name="token" value={usable} />
        <IconNote icon={ShieldCheck}>
          Confirming proves this address is yours and unlocks every feature your role allows.
        </IconNote>
        <Button type="submit" size="lg" className="w-full">
          Confirm email address
        </Button>
      </form>
    </AuthCard>
  );
}
