"use client";
import { SectionError } from "@/components/layout/section-error";

export default function UserDetailError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionError title="This user could not be loaded" error={error} reset={reset} />;
}
