"use client";
import { SectionError } from "@/components/layout/section-error";

export default function RolesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionError title="The roles could not be loaded" error={error} reset={reset} />;
}
