"use client";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { SectionError } from "@/components/layout/section-error";

export default function ProductsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <SectionError
      title="The products could not be loaded"
      error={error}
      reset={reset}
      actions={
        <Link href="/records/products" className={buttonClasses("ghost", "md")}>
          Start over without filters
        </Link>
      }
    />
  );
}
