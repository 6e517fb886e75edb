"use client";
import { SectionError } from "@/components/layout/section-error";

export default function IntegrityError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionError title="The integrity page could not be loaded" error={error} reset={reset} />;
}
