import type { Metadata } from "next";
import Link from "next/link";
import { Ban, Clock, LinkIcon, UserCheck, type LucideIcon } from "lucide-react";
import { AuthCard } from "@/components/auth/auth-card";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { IconNote } from "@/components/ui/icon-note";
import { config } from "@/lib/config";
import { getInvitationByToken, type InvitationLookup } from "@/lib/data/invitations/get-invitation-by-token";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Accept your invitation", referrer: "no-referrer" };

const UNUSABLE: Record<
  Exclude<InvitationLookup["state"], "usable">,
  { title: string; icon: LucideIcon; body: string }
> = {
  invalid: {
    title: "This invitation link is not valid",
    icon: LinkIcon,
    body: "It may be incomplete, or it was replaced by a newer invitation: open the most recent invitation email.",
  },
  expired: {
    title: "This invitation has expired",
    icon: Clock,
    body: "Invitation links work for 7 days. Ask whoever invited you to send it again.",
  },
  revoked: {
    title: "This invitation was revoked",
    icon: Ban,
    body: "It can no longer be used. If you think this is a mistake, ask whoever invited you.",
  },
  accepted: {
    title: "This invitation was used already",
    icon: UserCheck,
    body: "An account was created with it. Sign in with that account's username or email.",
  },
  account_exists: {
    title: "You already have an account",
    icon: UserCheck,
    body: "This address has an account already, so the invitation cannot make another. Sign in, or reset the password if you forgot it.",
  },
};

// The link only shows the form: the token is spent by the form's POST, so mail scanners that
// follow links cannot use it up. No account is made unless the invitation is still usable.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getInvitationByToken(token);

  if (invitation.state !== "usable") {
    const { title, icon, body } = UNUSABLE[invitation.state];
    return (
      <AuthCard title={title} description="No account was created.">
        <IconNote icon={icon} tone="warning">
          {body}
        </IconNote>
        <Link href="/sign-in" className={buttonClasses("primary", "lg", "mt-6 w-full")}>
          Go to sign in
        </Link>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title={`Join ${config.productName}`}
      description={
        <>
          {invitation.inviterName ?? "An administrator"} invited you as{" "}
          <Badge tone="brand" className="align-middle">
            {invitation.roleName}
          </Badge>
          . Choose your username and password to finish. This link works until {formatDateTime(invitation.expiresAt)}.
        </>
      }
      footer={
        <>
          Already have an account?{" "}
          <Link href="/sign-in" className="font-medium text-brand hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <AcceptInvitationForm token={token} email={invitation.email} />
    </AuthCard>
  );
}
