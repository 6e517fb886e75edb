"use client";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { SectionError } from "@/components/layout/section-error";

export default function AuditEventsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <SectionError
      title="The activity log could not be loaded"
      error={error}
      reset={reset}
      actions={
        <Link href="/logs/events" className={buttonClasses("ghost", "md")}>
          Start over without filters
        </Link>
      }
    />
  );
}
