"use client";
import { SectionError } from "@/components/layout/section-error";

export default function SignInMethodsError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <SectionError title="Your sign-in methods could not be loaded" error={error} reset={reset} />;
}
