import type { Metadata } from "next";
import Link from "next/link";
import { PartyPopper } from "lucide-react";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClasses } from "@/components/ui/button";
import { IconNote } from "@/components/ui/icon-note";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: "Your account is ready" };

// After accepting an invitation the invitee signs in like everyone else, so the usual rules apply
// (a role that requires 2FA sends them to enrolment first).
export default async function InvitationAcceptedPage({
  searchParams,
}: {
  searchParams: Promise<{ username?: string }>;
}) {
  const { username } = await searchParams;
  const name = typeof username === "string" && /^[a-z0-9._-]{3,32}$/.test(username) ? username : null;
  return (
    <AuthCard title="Your account is ready" description={`Welcome to ${config.productName}.`}>
      <IconNote icon={PartyPopper}>
        Your email address is confirmed and your role is set. Sign in with{" "}
        {name ? (
          <>
            your username <span className="font-medium text-foreground">{name}</span>
          </>
        ) : (
          "your new username"
        )}{" "}
        or your email and the password you just chose. If your role requires two-factor authentication, you set it up
        right after.
      </IconNote>
      <Link href="/sign-in" className={buttonClasses("primary", "lg", "mt-6 w-full")}>
        Sign in
      </Link>
    </AuthCard>
  );
}
