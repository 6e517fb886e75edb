import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui/alert";
import { PENDING_COOKIE } from "@/lib/auth/external/pending-cookie";
import { redirectIfSignedIn } from "@/lib/auth/require-page-viewer";
import { getPendingExternalSignIn } from "@/lib/data/sign-in-methods/get-pending-external-sign-in";
import { LinkProofForm } from "./link-proof-form";

export const metadata: Metadata = { title: "Confirm it is your account" };

export default async function ExternalLinkPage() {
  await redirectIfSignedIn();
  const pending = await getPendingExternalSignIn((await cookies()).get(PENDING_COOKIE)?.value, "link");
  const footer = (
    <Link href="/sign-in" className="font-medium text-brand hover:underline">
      Back to sign in
    </Link>
  );
  if (!pending) {
    return (
      <AuthCard title="This sign-in has expired" footer={footer}>
        <Alert tone="warning" title="Nothing to confirm here.">
          Linking a provider at sign-in has to be finished within 15 minutes, in the browser where it started. Start
          again from the sign-in page.
        </Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="You already have an account"
      description={
        <>
          An account uses <span className="font-medium text-foreground">{pending.email}</span>, the address{" "}
          {pending.providerName} gave. Prove it is yours once, and {pending.providerName} will sign you in to it from
          now on.
        </>
      }
      footer={footer}
    >
      <LinkProofForm
        providerName={pending.providerName}
        email={pending.email ?? ""}
        hasPassword={pending.accountHasPassword}
        emailProofSent={pending.emailProofSent}
      />
    </AuthCard>
  );
}
