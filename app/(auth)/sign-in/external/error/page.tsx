import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Sign-in not completed" };

const REASONS: Record<string, { title: string; body: string }> = {
  email_taken: {
    title: "An account already uses this email address.",
    body: "The provider could not confirm that the address is yours, so nothing was linked. Sign in to that account (with its password) and link the provider from Settings → Sign-in methods.",
  },
  email_taken_protected: {
    title: "An account already uses this email address.",
    body: "That account has two-factor authentication, so a provider can be linked to it only from its own settings: sign in to it (with its password and second factor) and link the provider from Settings → Sign-in methods.",
  },
  email_unverified: {
    title: "The provider did not confirm your email address.",
    body: "So no account was made with it. Sign up with your email address and a password, then link the provider from Settings → Sign-in methods.",
  },
  link_email_unverified: {
    title: "Confirm your email address first.",
    body: "A provider can be linked only to an account whose email address is confirmed. Use the link we emailed you (or resend it from the dashboard), then link the provider again.",
  },
  sign_up_closed: {
    title: "New accounts cannot be made through this provider.",
    body: "Ask an administrator for an invitation, or sign up with an email address and password if that is open.",
  },
  account_unavailable: {
    title: "This account cannot sign in.",
    body: "If you think this is a mistake, contact your administrator.",
  },
  identity_linked_elsewhere: {
    title: "This identity is linked to another account.",
    body: "An identity at a provider can sign in to one account only. Sign in to the other account and unlink it there first.",
  },
  link_session_ended: {
    title: "Linking was not completed.",
    body: "Your session changed or ended while you were at the provider. Sign in again and start linking from Settings → Sign-in methods.",
  },
  no_email: {
    title: "The provider gave no email address.",
    body: "An account needs one. Allow the provider to share your email address, or sign up with email and password.",
  },
  no_intent: {
    title: "This sign-in was not started here, or took too long.",
    body: "Start again with the provider's button; finish within 10 minutes.",
  },
  throttled: { title: "Too many attempts.", body: "Wait a few minutes, then try again." },
  provider_unreachable: {
    title: "The sign-in provider could not be reached.",
    body: "Try again in a moment. If it keeps happening, tell your administrator.",
  },
  unknown_provider: { title: "This sign-in provider is not available.", body: "Use another way to sign in." },
};

const FALLBACK = {
  title: "Signing in with the provider did not work.",
  body: "The provider's answer could not be accepted (it may have been cancelled, expired or replayed). Start again.",
};

export default async function ExternalSignInErrorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const reason = typeof params.reason === "string" ? REASONS[params.reason] : undefined;
  const fromSettings = params.from === "settings";
  const { title, body } = reason ?? FALLBACK;
  return (
    <AuthCard
      title={fromSettings ? "Linking not completed" : "Sign-in not completed"}
      footer={
        <Link
          href={fromSettings ? "/settings/sign-in-methods" : "/sign-in"}
          className="font-medium text-brand hover:underline"
        >
          {fromSettings ? "Back to sign-in methods" : "Back to sign in"}
        </Link>
      }
    >
      <Alert tone="warning" title={title}>
        {body}
      </Alert>
    </AuthCard>
  );
}
