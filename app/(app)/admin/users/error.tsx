"use client";
import Link from "next/link";
import { RotateCcw, TriangleAlert } from "lucide-react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export default function UsersError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card className="flex flex-col items-center px-6 py-12 text-center">
      <div className="flex size-12 items-center justify-center rounded-full bg-danger-soft">
        <TriangleAlert className="size-6 text-danger" aria-hidden="true" />
      </div>
      <h2 className="mt-4 text-base font-semibold text-foreground">The users could not be loaded</h2>
      <p className="mt-1 max-w-sm text-sm text-muted-foreground">
        The problem is on our side and has been logged.{error.digest ? ` Reference: ${error.digest}.` : ""}
      </p>
      <div className="mt-5 flex gap-2">
        <Button variant="secondary" onClick={reset}>
          <RotateCcw className="size-4" aria-hidden="true" /> Try again
        </Button>
        <Link href="/admin/users" className={buttonClasses("ghost", "md")}>
          Start over without filters
        </Link>
      </div>
    </Card>
  );
}
