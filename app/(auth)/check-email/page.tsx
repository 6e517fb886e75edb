import type { Metadata } from "next";
import Link from "next/link";
import { MailCheck } from "lucide-react";
import { IconNote } from "@/components/ui/icon-note";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClasses } from "@/components/ui/button";
import { canReadOutbox } from "@/lib/data/email/list-outbox";
import { requestContext } from "@/lib/http/request-context";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  const address = typeof email === "string" && email.length < 255 ? email : "your inbox";
  return (
    <AuthCard title="Check your email" description="Your account is ready. One more step: confirm your address.">
      <IconNote icon={MailCheck}>
        We sent a confirmation link to <span className="font-medium text-foreground">{address}</span>. It works once and
        expires in 24 hours. You can sign in now; until you confirm, features that send mail or touch business records
        stay locked.
      </IconNote>
      <div className="mt-6 flex flex-col gap-3">
        <Link href="/sign-in" className={buttonClasses("primary", "lg", "w-full")}>
          Continue to sign in
        </Link>
        {canReadOutbox(await requestContext()) ? (
          <Link href="/dev/outbox" className={buttonClasses("secondary", "md", "w-full")}>
            Open the developer outbox
          </Link>
        ) : null}
      </div>
    </AuthCard>
  );
}
