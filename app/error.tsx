"use client";
import { RotateCcw, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex min-h-[60dvh] flex-col items-center justify-center px-6 text-center">
      <div className="flex size-14 items-center justify-center rounded-full bg-danger-soft">
        <TriangleAlert className="size-7 text-danger" aria-hidden="true" />
      </div>
      <p className="mt-6 text-sm font-semibold text-danger">500</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-foreground">Something went wrong</h1>
      <p className="mt-2 max-w-sm text-sm text-muted-foreground">
        The problem is on our side and has been logged.{error.digest ? ` Reference: ${error.digest}.` : ""}
      </p>
      <Button className="mt-8" onClick={reset}>
        <RotateCcw className="size-4" aria-hidden="true" /> Try again
      </Button>
    </div>
  );
}
