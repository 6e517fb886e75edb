import type { Metadata } from "next";
import Link from "next/link";
import { CheckCircle2, CircleSlash } from "lucide-react";
import { LinkedAccountsSection } from "@/components/settings/linked-accounts-section";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { getSignInMethods } from "@/lib/data/passkeys/get-sign-in-methods";
import { PasskeysCard } from "./passkeys-card";

export const metadata: Metadata = { title: "Sign-in methods" };

export default async function SignInMethodsPage() {
  const viewer = await requirePageViewer();
  const methods = await getSignInMethods(viewer);
  return (
    <>
      <Card>
        <CardHeader title="Password" description="Sign in with your username or email and a password." />
        <CardBody className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          {methods.hasPassword ? (
            <p className="flex items-center gap-2 text-sm text-foreground" data-testid="password-status">
              <CheckCircle2 className="size-4 text-success" aria-hidden="true" />A password is set
              {methods.totpEnabled ? ", with an authenticator app as the second factor" : ""}.
            </p>
          ) : (
            <p className="flex items-center gap-2 text-sm text-foreground" data-testid="password-status">
              <CircleSlash className="size-4 text-muted-foreground" aria-hidden="true" />
              No password: this account signs in with a passkey or a linked account.
            </p>
          )}
          {methods.hasPassword ? (
            <Link href="/settings/security" className="text-sm font-medium text-brand hover:underline">
              Change password or two-factor settings
            </Link>
          ) : null}
        </CardBody>
      </Card>
      <PasskeysCard
        passkeys={methods.passkeys}
        now={new Date()}
        addNeedsPassword={methods.addNeedsPassword}
        removalRefusal={methods.removalRefusal}
        requiredByRole={methods.requiredByRole}
      />
      <LinkedAccountsSection />
    </>
  );
}
