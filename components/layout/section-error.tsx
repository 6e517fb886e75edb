"use client";
import type { ReactNode } from "react";
import { RotateCcw, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/**
 * The error state of one section of the app shell (a route segment's error.tsx): a card saying what could not be
 * loaded, the error's digest for support, a retry button, and optional extra actions beside it.
 */
export function SectionError({
  title,
  error,
  reset,
  actions,
}: {
  title: string;
  error: Error & { digest?: string };
  reset: () => void;
  actions?: ReactNode;
}) {
  return (
    <Card className="flex flex-col items-center px-6 py-12 text-center">
      <div className="flex size-12 items-center justify-center rounded-full bg-danger-soft">
        <TriangleAlert className="size-6 text-danger" aria-hidden="true" />
      </div>
      <h2 className="mt-4 text-base font-semibold text-foreground">{title}</h2>
      <p className="mt-1 max-w-sm text-sm text-muted-foreground">
        The problem is on our side and has been logged.{error.digest ? ` Reference: ${error.digest}.` : ""}
      </p>
      <div className="mt-5 flex gap-2">
        <Button variant="secondary" onClick={reset}>
          <RotateCcw className="size-4" aria-hidden="true" /> Try again
        </Button>
        {actions}
      </div>
    </Card>
  );
}
