import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui/alert";
import { PENDING_COOKIE } from "@/lib/auth/external/pending-cookie";
import { redirectIfSignedIn } from "@/lib/auth/require-page-viewer";
import { getPendingExternalSignIn } from "@/lib/data/sign-in-methods/get-pending-external-sign-in";
import { ExternalSignUpForm } from "./external-sign-up-form";

export const metadata: Metadata = { title: "Finish creating your account" };

export default async function ExternalSignUpPage() {
  await redirectIfSignedIn();
  const pending = await getPendingExternalSignIn((await cookies()).get(PENDING_COOKIE)?.value, "sign_up");
  if (!pending) {
    return (
      <AuthCard title="This sign-in has expired" footer={<BackToSignIn />}>
        <Alert tone="warning" title="Nothing to finish here.">
          Signing in through a provider has to be finished within 15 minutes, in the browser where it started. Start
          again from the sign-in page.
        </Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Finish creating your account"
      description={
        <>
          You signed in with {pending.providerName} as{" "}
          <span className="font-medium text-foreground">{pending.email}</span>. A few details are missing; you are asked
          for them only this once.
        </>
      }
      footer={<BackToSignIn />}
    >
      <ExternalSignUpForm email={pending.email ?? ""} suggested={pending.suggested} />
    </AuthCard>
  );
}

function BackToSignIn() {
  return (
    <Link href="/sign-in" className="font-medium text-brand hover:underline">
      Back to sign in
    </Link>
  );
}
