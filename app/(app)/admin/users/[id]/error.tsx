"use client";
import { RotateCcw, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export default function UserDetailError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card className="flex flex-col items-center px-6 py-12 text-center">
      <div className="flex size-12 items-center justify-center rounded-full bg-danger-soft">
        <TriangleAlert className="size-6 text-danger" aria-hidden="true" />
      </div>
      <h2 className="mt-4 text-base font-semibold text-foreground">This user could not be loaded</h2>
      <p className="mt-1 max-w-sm text-sm text-muted-foreground">
        The problem is on our side and has been logged.{error.digest ? ` Reference: ${error.digest}.` : ""}
      </p>
      <Button className="mt-5" variant="secondary" onClick={reset}>
        <RotateCcw className="size-4" aria-hidden="true" /> Try again
      </Button>
    </Card>
  );
}
