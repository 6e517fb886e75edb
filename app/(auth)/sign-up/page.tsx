import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { redirectIfSignedIn } from "@/lib/auth/require-page-viewer";
import { config } from "@/lib/config";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  await redirectIfSignedIn();
  return (
    <AuthCard
      title="Create your account"
      description={`Join ${config.productName}. We will send a link to confirm your email.`}
      footer={
        <>
          Already have an account?{" "}
          <Link href="/sign-in" className="font-medium text-brand hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm />
    </AuthCard>
  );
}
