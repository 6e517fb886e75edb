import Link from "next/link";
import { Lock } from "lucide-react";
import { Brand } from "@/components/layout/brand";
import { buttonClasses } from "@/components/ui/button";

// Rendered with HTTP 403 wherever a page calls forbidden() (lib/auth/require-page-viewer.ts).
export default function Forbidden() {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center px-6 text-center">
      <Brand />
      <div className="mt-10 flex size-14 items-center justify-center rounded-full bg-danger-soft">
        <Lock className="size-7 text-danger" aria-hidden="true" />
      </div>
      <p className="mt-6 text-sm font-semibold text-danger">403</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-foreground">You do not have access to this page</h1>
      <p className="mt-2 max-w-sm text-sm text-muted-foreground">
        Your roles do not include it. Ask an administrator for a role that does.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link href="/dashboard" className={buttonClasses("primary", "md")}>
          Back to the dashboard
        </Link>
        <Link href="/settings/profile" className={buttonClasses("secondary", "md")}>
          Your settings
        </Link>
      </div>
    </div>
  );
}
