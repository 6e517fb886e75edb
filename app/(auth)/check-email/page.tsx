import type { Metadata } from "next";
import Link from "next/link";
import { MailCheck } from "lucide-react";
import { IconNote } from "@/components/ui/icon-note";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClasses } from "@/components/ui/button";
import { canReadOutbox } from "@/lib/data/email/list-outbox";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  const address = typeof email === "string" && email.length < 255 ? email : "your inbox";
  return (
    // The same page whether the address was free or already had an account: the sign-up answer must not
    // tell them apart, so the wording holds for both.
    <AuthCard title="Check your email" description="One more step: open the email we just sent.">
      <IconNote icon={MailCheck}>
        We sent an email to <span className="font-medium text-foreground">{address}</span>. If you just created an
        account, it holds a confirmation link that works once and expires in 24 hours; you can sign in now, and until
        you confirm, features that send mail or touch business records stay locked. If the address already had an
        account, the email says how to sign in or reset its password instead.
      </IconNote>
      <div className="mt-6 flex flex-col gap-3">
        <Link href="/sign-in" className={buttonClasses("primary", "lg", "w-full")}>
          Continue to sign in
        </Link>
        {canReadOutbox() ? (
          <Link href="/dev/outbox" className={buttonClasses("secondary", "md", "w-full")}>
            Open the developer outbox
          </Link>
        ) : null}
      </div>
    </AuthCard>
  );
}
