import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClasses } from "@/components/ui/button";
import { usableToken } from "@/lib/auth/one-time-tokens";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const usable = await usableToken(token, "password_reset");
  if (!usable) {
    return (
      <AuthCard
        title="This reset link cannot be used"
        description="It may have expired (links last 30 minutes), been used already, or been replaced by a newer one."
      >
        <Link href="/forgot-password" className={buttonClasses("primary", "lg", "w-full")}>
          Ask for a new link
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" description="At least 10 characters; a few unrelated words work well.">
      <ResetPasswordForm token={usable} />
    </AuthCard>
  );
}
