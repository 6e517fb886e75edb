import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ProviderButtons } from "@/components/auth/provider-buttons";
import { Alert } from "@/components/ui/alert";
import { redirectIfSignedIn } from "@/lib/auth/require-page-viewer";
import { config } from "@/lib/config";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, { tone: "success" | "info"; title: string; body?: string }> = {
  "signed-out": { tone: "info", title: "You are signed out." },
  "session-ended": { tone: "info", title: "Your session ended.", body: "Sign in again to continue." },
  "password-reset": { tone: "success", title: "Your password was changed.", body: "Sign in with your new password." },
  verified: { tone: "success", title: "Email confirmed.", body: "Sign in to continue." },
  "email-changed": { tone: "success", title: "Email address changed.", body: "Sign in with your new address." },
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await redirectIfSignedIn();
  const params = await searchParams;
  const next = typeof params.next === "string" ? params.next : undefined;
  const notice = typeof params.notice === "string" ? NOTICES[params.notice] : undefined;
  return (
    <AuthCard
      title={`Sign in to ${config.productName}`}
      description="Welcome back. Use your username or email address."
      footer={
        <>
          New here?{" "}
          <Link href="/sign-up" className="font-medium text-brand hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      {notice ? (
        <Alert tone={notice.tone} title={notice.title} className="mb-5">
          {notice.body}
        </Alert>
      ) : null}
      <SignInForm next={next} />
      {/* Below the passkey button: "Continue with …" for each configured provider (none: nothing). */}
      <ProviderButtons next={next} />
    </AuthCard>
  );
}
