"use client";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { SectionError } from "@/components/layout/section-error";

export default function AnalyticsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <SectionError
      title="The reports could not be loaded"
      error={error}
      reset={reset}
      actions={
        <Link href="/analytics" className={buttonClasses("ghost", "md")}>
          Back to the last 30 days
        </Link>
      }
    />
  );
}
