import Link from "next/link";
import { Compass } from "lucide-react";
import { Brand } from "@/components/layout/brand";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center px-6 text-center">
      <Brand />
      <div className="mt-10 flex size-14 items-center justify-center rounded-full bg-brand-soft">
        <Compass className="size-7 text-brand" aria-hidden="true" />
      </div>
      <p className="mt-6 text-sm font-semibold text-brand">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-foreground">This page does not exist</h1>
      <p className="mt-2 max-w-sm text-sm text-muted-foreground">
        The address may be mistyped, or the page may have moved.
      </p>
      <Link href="/" className={buttonClasses("primary", "md", "mt-8")}>
        Back to the start
      </Link>
    </div>
  );
}
