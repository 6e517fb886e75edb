"use client";
import { SectionError } from "@/components/layout/section-error";

export default function StreamsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionError title="The audit streams could not be loaded" error={error} reset={reset} />;
}
