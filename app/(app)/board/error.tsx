"use client";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { SectionError } from "@/components/layout/section-error";

export default function BoardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <SectionError
      title="The board could not be loaded"
      error={error}
      reset={reset}
      actions={
        <Link href="/board" className={buttonClasses("ghost", "md")}>
          All boards
        </Link>
      }
    />
  );
}
