import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui/alert";
import { PENDING_COOKIE } from "@/lib/auth/external/pending-cookie";
import { checkExternalLinkEmail } from "@/lib/data/sign-in-methods/prove-external-link";
import { ConfirmLinkForm } from "./confirm-link-form";

export const metadata: Metadata = { title: "Link your sign-in provider" };

// Opening the emailed link changes nothing (mail scanners open links too): the person confirms
// with a button, in the browser that asked for it.
export default async function ConfirmExternalLinkPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const pending = (await cookies()).get(PENDING_COOKIE)?.value;
  const ok = typeof token === "string" && (await checkExternalLinkEmail(pending, { token }));
  const footer = (
    <Link href="/sign-in" className="font-medium text-brand hover:underline">
      Back to sign in
    </Link>
  );
  if (!ok) {
    return (
      <AuthCard title="This link cannot be used here" footer={footer}>
        <Alert tone="warning" title="Nothing was linked.">
          The link has expired, was used already, or was opened in another browser than the one where you signed in with
          the provider. Start again from the sign-in page, in this browser.
        </Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Link your sign-in provider"
      description="Confirm to link it to your account and sign in. If you did not ask for this, close this page."
      footer={footer}
    >
      <ConfirmLinkForm token={token} />
    </AuthCard>
  );
}
