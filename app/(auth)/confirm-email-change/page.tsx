import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { Button, buttonClasses } from "@/components/ui/button";
import { usableToken } from "@/lib/auth/one-time-tokens";
import { confirmEmailChangeAction } from "@/lib/actions/auth/confirm-email-change";

export const metadata: Metadata = { title: "Confirm your new email" };

export default async function ConfirmEmailChangePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; status?: string }>;
}) {
  const { token, status } = await searchParams;
  const usable = await usableToken(token, "email_change");
  if (!usable) {
    return (
      <AuthCard
        title="This link cannot be used"
        description={
          status === "taken"
            ? "Another account now uses that address, so it cannot be moved to yours."
            : "It may have expired, been used already, or been replaced by a newer request."
        }
      >
        <Link href="/settings/profile" className={buttonClasses("primary", "lg", "w-full")}>
          Go to your profile
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Confirm your new email address"
      description="Your account's sign-in and notification address will change."
    >
      <form action={confirmEmailChangeAction}>
        <input type="hidden" name="token" value={usable} />
        <Button type="submit" size="lg" className="w-full">
          Confirm new address
        </Button>
      </form>
    </AuthCard>
  );
}
